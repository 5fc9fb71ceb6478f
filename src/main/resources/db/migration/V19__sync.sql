-- Offline-first sync (docs/ARCHITECTURE.md "Sync"). A desktop that joined an agency on a sync endpoint keeps
-- its link in sync_state, the commands it ran and the endpoint has not yet answered in sync_outbox, the rows
-- its own commands changed in sync_dirty, and pulled changes waiting to be applied in sync_inbox. The endpoint
-- keeps, per agency store, its change counter, every mutation's answer and every row change by sequence.

-- the desktop's link to the endpoint: at most one row
CREATE TABLE sync_state (
    id            INT PRIMARY KEY CHECK (id = 1),
    server_url    VARCHAR(500) NOT NULL,
    agency_id     UUID         NOT NULL,
    device_id     UUID         NOT NULL,
    device_no     INT          NOT NULL,
    device_name   VARCHAR(120) NOT NULL,
    token         VARCHAR(200),
    pull_cursor   BIGINT       NOT NULL DEFAULT 0,
    next_seq      BIGINT       NOT NULL DEFAULT 1,
    hlc_millis    BIGINT       NOT NULL DEFAULT 0,
    hlc_counter   INT          NOT NULL DEFAULT 0,
    uploaded      BOOLEAN      NOT NULL DEFAULT FALSE,
    -- a snapshot is being pulled: where its next page starts, and that rows it does not list go at its end
    snapshot_after VARCHAR(400),
    snapshot_pending BOOLEAN   NOT NULL DEFAULT FALSE,
    connected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sync_at  TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(1000),
    revoked_at    TIMESTAMP WITH TIME ZONE
);

-- commands run here, in the order they ran, with the endpoint's answer once it came
CREATE TABLE sync_outbox (
    mutation_id   UUID PRIMARY KEY,
    device_seq    BIGINT       NOT NULL UNIQUE,
    command_type  VARCHAR(120) NOT NULL,
    command_version INT        NOT NULL,
    command_json  CLOB         NOT NULL,
    base_versions VARCHAR(4000),
    hlc           VARCHAR(60)  NOT NULL,
    user_id       UUID,
    username      VARCHAR(120) NOT NULL,
    ran_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(16),
    answer_seq    BIGINT,
    answer_message VARCHAR(2000),
    answered_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sync_outbox_pending_ix ON sync_outbox (outcome, device_seq);

-- rows this desktop's own commands wrote since the endpoint last had its say on them
CREATE TABLE sync_dirty (
    table_name    VARCHAR(64)  NOT NULL,
    row_key       VARCHAR(200) NOT NULL,
    PRIMARY KEY (table_name, row_key)
);

-- pulled row states waiting for a consistent point to be applied (the newest per row wins)
CREATE TABLE sync_inbox (
    seq           BIGINT       NOT NULL,
    table_name    VARCHAR(64)  NOT NULL,
    row_key       VARCHAR(200) NOT NULL,
    row_data      CLOB,
    PRIMARY KEY (table_name, row_key)
);

-- a clash the endpoint found between two desktops' work: kept for people to settle, on every desktop
CREATE TABLE sync_conflict (
    id               UUID PRIMARY KEY,
    kind             VARCHAR(32)  NOT NULL,
    record_type      VARCHAR(32)  NOT NULL,
    record_id        UUID,
    other_record_id  UUID,
    mutation_id      UUID         NOT NULL,
    made_by          VARCHAR(120) NOT NULL,
    made_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    message          VARCHAR(2000) NOT NULL,
    status           VARCHAR(16)  NOT NULL DEFAULT 'OPEN',
    resolved_by      VARCHAR(120),
    resolved_at      TIMESTAMP WITH TIME ZONE,
    resolution       VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INT NOT NULL DEFAULT 0,
    CONSTRAINT sync_conflict_status_ck CHECK (status IN ('OPEN', 'RESOLVED'))
);
CREATE INDEX sync_conflict_open_ix ON sync_conflict (status, created_at);

-- an assignment the endpoint kept although it overlaps one that came first: which one it clashes with
ALTER TABLE assignment ADD clashes_with UUID;

-- on the endpoint, per agency: the change counter (one row, locked by every write), each mutation's answer,
-- and every row's state after each change
CREATE TABLE sync_counter (
    id            INT PRIMARY KEY CHECK (id = 1),
    seq           BIGINT NOT NULL,
    horizon       BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE sync_mutation (
    mutation_id   UUID PRIMARY KEY,
    device_id     UUID        NOT NULL,
    device_seq    BIGINT      NOT NULL,
    seq           BIGINT      NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    message       VARCHAR(2000),
    conflict_id   UUID,
    command_type  VARCHAR(120) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE sync_change (
    seq           BIGINT       NOT NULL,
    idx           INT          NOT NULL,
    table_name    VARCHAR(64)  NOT NULL,
    row_key       VARCHAR(200) NOT NULL,
    row_data      CLOB,
    PRIMARY KEY (seq, idx)
);
