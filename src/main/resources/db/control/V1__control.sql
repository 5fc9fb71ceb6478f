-- The sync endpoint's own registry (plain SQL that H2 and PostgreSQL both read): the agencies it serves, the
-- one-time codes that let a desktop join, and the devices with the hash of their tokens. Each agency's data,
-- its change sequence and its answers live in the agency's own store (an H2 file or a PostgreSQL schema).
CREATE TABLE srv_agency (
    id              UUID PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    store_name      VARCHAR(80)  NOT NULL UNIQUE,
    next_device_no  INT          NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE srv_code (
    code_hash   VARCHAR(64) PRIMARY KEY,
    agency_id   UUID        NOT NULL REFERENCES srv_agency (id),
    kind        VARCHAR(16) NOT NULL,
    device_name VARCHAR(120),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT srv_code_kind_ck CHECK (kind IN ('AGENCY', 'DEVICE'))
);

CREATE TABLE srv_device (
    id            UUID PRIMARY KEY,
    agency_id     UUID         NOT NULL REFERENCES srv_agency (id),
    device_no     INT          NOT NULL,
    name          VARCHAR(120) NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL UNIQUE,
    joined_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE,
    last_seq      BIGINT       NOT NULL DEFAULT 0,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT srv_device_no_uq UNIQUE (agency_id, device_no)
);
