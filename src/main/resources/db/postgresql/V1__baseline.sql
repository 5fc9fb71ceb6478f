-- Stagedesk baseline schema, PostgreSQL translation of db/migration/V1__baseline.sql (same tables, columns,
-- constraints, indexes and defaults; the jOOQ classes generated from H2 run on both). Never edit once shipped.
-- Differences: CLOB is TEXT; the currency check is a regular expression match (~); the columns read as
-- prefix ranges (booking.number here, search_token.token in V2, the keys of V13) compare in the "C" collation,
-- byte order as H2 compares, so "prefix <= x < prefix || U+FFFF" is a range in both.
--
-- Conventions
--  * every business table: id UUID (v7, created by the application so desktops can create rows offline),
--    created_at, updated_at, version (optimistic locking), deleted_at (soft delete)
--  * money: BIGINT minor units + CHAR(3) ISO 4217 currency code; never floating point
--  * percentages: INT basis points (1250 = 12.50 %)
--  * instants: TIMESTAMP WITH TIME ZONE (stored as UTC); the event's own zone is kept next to it
--  * search_text: lower-case, accent-free concatenation of the searchable fields, maintained by the services

-- ---------------------------------------------------------------- agency and settings
CREATE TABLE agency (
    id                      UUID PRIMARY KEY,
    name                    VARCHAR(200) NOT NULL,
    base_currency           CHAR(3)      NOT NULL,
    time_zone               VARCHAR(64)  NOT NULL,
    legal_name              VARCHAR(200),
    address_line1           VARCHAR(200),
    address_line2           VARCHAR(200),
    postal_code             VARCHAR(32),
    city                    VARCHAR(120),
    region                  VARCHAR(120),
    country_code            CHAR(2),
    tax_id                  VARCHAR(64),
    email                   VARCHAR(254),
    phone                   VARCHAR(64),
    bank_details            VARCHAR(1000),
    logo_path               VARCHAR(1000),
    default_tax_rate_bp     INT          NOT NULL DEFAULT 0,
    deposit_kind            VARCHAR(16)  NOT NULL DEFAULT 'PERCENT',
    deposit_value           BIGINT       NOT NULL DEFAULT 3000,
    deposit_due_days        INT          NOT NULL DEFAULT 7,
    balance_due_days_before INT          NOT NULL DEFAULT 14,
    hold_expiry_days        INT          NOT NULL DEFAULT 14,
    challenge_hours         INT          NOT NULL DEFAULT 48,
    road_factor_pct         INT          NOT NULL DEFAULT 130,
    average_speed_kmh       INT          NOT NULL DEFAULT 60,
    setup_buffer_minutes    INT          NOT NULL DEFAULT 60,
    invoice_pattern         VARCHAR(64)  NOT NULL DEFAULT 'INV-{yyyy}-{seq:0000}',
    credit_note_pattern     VARCHAR(64)  NOT NULL DEFAULT 'CN-{yyyy}-{seq:0000}',
    booking_pattern         VARCHAR(64)  NOT NULL DEFAULT 'BK-{yyyy}-{seq:000000}',
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 INT          NOT NULL DEFAULT 0,
    deleted_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT agency_currency_ck CHECK (base_currency ~ '^[A-Z]{3}$')
);

-- free-form preferences (window geometry, theme, lists of lost reasons ...), per user or global (user_id NULL)
CREATE TABLE preference (
    id          UUID PRIMARY KEY,
    user_id     UUID,
    pref_key    VARCHAR(120)  NOT NULL,
    pref_value  VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INT NOT NULL DEFAULT 0,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX preference_key_ux ON preference (user_id, pref_key);

-- gapless, unique human numbers (bookings, invoices, credit notes) per series and year
CREATE TABLE number_sequence (
    series      VARCHAR(32) NOT NULL,
    period      INT         NOT NULL,
    last_value  BIGINT      NOT NULL,
    PRIMARY KEY (series, period)
);

-- ---------------------------------------------------------------- users and roles
CREATE TABLE app_user (
    id              UUID PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    password_hash   VARCHAR(512),
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    performer_id    UUID,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    last_sign_in_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX app_user_username_ux ON app_user (username);

CREATE TABLE user_role (
    user_id UUID        NOT NULL REFERENCES app_user (id),
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_ck CHECK (role IN ('ADMIN', 'COORDINATOR', 'ACCOUNTANT', 'PERFORMER'))
);

-- ---------------------------------------------------------------- clients and venues
CREATE TABLE client (
    id             UUID PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    contact_name   VARCHAR(200),
    email          VARCHAR(254),
    phone          VARCHAR(64),
    address_line1  VARCHAR(200),
    address_line2  VARCHAR(200),
    postal_code    VARCHAR(32),
    city           VARCHAR(120),
    region         VARCHAR(120),
    country_code   CHAR(2),
    tax_id         VARCHAR(64),
    notes          VARCHAR(4000),
    search_text    VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        INT NOT NULL DEFAULT 0,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT client_kind_ck CHECK (kind IN ('PERSON', 'COMPANY'))
);
CREATE INDEX client_name_ix ON client (name);
CREATE INDEX client_city_ix ON client (city);
CREATE INDEX client_updated_ix ON client (updated_at);

CREATE TABLE client_contact (
    id          UUID PRIMARY KEY,
    client_id   UUID         NOT NULL REFERENCES client (id),
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(120),
    email       VARCHAR(254),
    phone       VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INT NOT NULL DEFAULT 0,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX client_contact_client_ix ON client_contact (client_id);

CREATE TABLE venue (
    id             UUID PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    address_line1  VARCHAR(200),
    address_line2  VARCHAR(200),
    postal_code    VARCHAR(32),
    city           VARCHAR(120) NOT NULL,
    region         VARCHAR(120),
    country_code   CHAR(2),
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    capacity       INT,
    contact_name   VARCHAR(200),
    contact_phone  VARCHAR(64),
    notes          VARCHAR(4000),
    search_text    VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        INT NOT NULL DEFAULT 0,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT venue_lat_ck CHECK (latitude IS NULL OR (latitude BETWEEN -90 AND 90)),
    CONSTRAINT venue_lon_ck CHECK (longitude IS NULL OR (longitude BETWEEN -180 AND 180)),
    CONSTRAINT venue_capacity_ck CHECK (capacity IS NULL OR capacity >= 0)
);
CREATE INDEX venue_name_ix ON venue (name);
CREATE INDEX venue_city_ix ON venue (city);

-- ---------------------------------------------------------------- performers
CREATE TABLE performer (
    id                 UUID PRIMARY KEY,
    stage_name         VARCHAR(200) NOT NULL,
    legal_name         VARCHAR(200),
    email              VARCHAR(254),
    phone              VARCHAR(64),
    acts               VARCHAR(1000) NOT NULL DEFAULT '',
    genres             VARCHAR(1000) NOT NULL DEFAULT '',
    default_fee_minor  BIGINT       NOT NULL DEFAULT 0,
    currency           CHAR(3)      NOT NULL,
    commission_bp      INT          NOT NULL DEFAULT 0,
    withholding_bp     INT          NOT NULL DEFAULT 0,
    home_city          VARCHAR(120),
    home_latitude      DOUBLE PRECISION,
    home_longitude     DOUBLE PRECISION,
    active             BOOLEAN      NOT NULL DEFAULT TRUE,
    notes              VARCHAR(4000),
    search_text        VARCHAR(2000) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            INT NOT NULL DEFAULT 0,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT performer_fee_ck CHECK (default_fee_minor >= 0),
    CONSTRAINT performer_commission_ck CHECK (commission_bp BETWEEN 0 AND 10000),
    CONSTRAINT performer_withholding_ck CHECK (withholding_bp BETWEEN 0 AND 10000),
    CONSTRAINT performer_lat_ck CHECK (home_latitude IS NULL OR (home_latitude BETWEEN -90 AND 90)),
    CONSTRAINT performer_lon_ck CHECK (home_longitude IS NULL OR (home_longitude BETWEEN -180 AND 180))
);
CREATE INDEX performer_stage_name_ix ON performer (stage_name);

ALTER TABLE app_user ADD CONSTRAINT app_user_performer_fk FOREIGN KEY (performer_id) REFERENCES performer (id);

-- blocked periods (starts_at/ends_at) or weekly recurring unavailability (day_of_week + local times)
CREATE TABLE performer_unavailability (
    id            UUID PRIMARY KEY,
    performer_id  UUID NOT NULL REFERENCES performer (id),
    reason        VARCHAR(200) NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE,
    ends_at       TIMESTAMP WITH TIME ZONE,
    day_of_week   INT,
    local_start   TIME,
    local_end     TIME,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INT NOT NULL DEFAULT 0,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT unavail_shape_ck CHECK (
        (starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at AND day_of_week IS NULL)
        OR (starts_at IS NULL AND ends_at IS NULL AND day_of_week BETWEEN 1 AND 7 AND local_end > local_start))
);
CREATE INDEX unavail_performer_ix ON performer_unavailability (performer_id, starts_at);

-- ---------------------------------------------------------------- service catalogue
CREATE TABLE service_package (
    id                 UUID PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    description        VARCHAR(4000),
    duration_minutes   INT          NOT NULL,
    base_price_minor   BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    performers_needed  INT          NOT NULL DEFAULT 1,
    performer_act      VARCHAR(120),
    active             BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            INT NOT NULL DEFAULT 0,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT package_duration_ck CHECK (duration_minutes > 0),
    CONSTRAINT package_price_ck CHECK (base_price_minor >= 0),
    CONSTRAINT package_needed_ck CHECK (performers_needed >= 1)
);

-- ---------------------------------------------------------------- inquiries and quotes
CREATE TABLE inquiry (
    id              UUID PRIMARY KEY,
    client_id       UUID         NOT NULL REFERENCES client (id),
    event_type      VARCHAR(120) NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE,
    ends_at         TIMESTAMP WITH TIME ZONE,
    time_zone       VARCHAR(64)  NOT NULL,
    dates_tbd       BOOLEAN      NOT NULL DEFAULT FALSE,
    venue_id        UUID REFERENCES venue (id),
    free_address    VARCHAR(500),
    guest_count     INT,
    budget_minor    BIGINT,
    currency        CHAR(3)      NOT NULL,
    source          VARCHAR(32)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    lost_reason     VARCHAR(200),
    notes           VARCHAR(4000),
    follow_up_on    DATE,
    owner_user_id   UUID REFERENCES app_user (id),
    search_text     VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inquiry_status_ck CHECK (status IN ('NEW', 'CONTACTED', 'QUOTED', 'WON', 'LOST', 'CANCELLED')),
    CONSTRAINT inquiry_source_ck CHECK (source IN ('WEB_FORM', 'PHONE', 'EMAIL', 'REFERRAL', 'REPEAT_CLIENT')),
    CONSTRAINT inquiry_window_ck CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at),
    CONSTRAINT inquiry_budget_ck CHECK (budget_minor IS NULL OR budget_minor >= 0)
);
CREATE INDEX inquiry_status_ix ON inquiry (status, starts_at);
CREATE INDEX inquiry_client_ix ON inquiry (client_id);
CREATE INDEX inquiry_starts_ix ON inquiry (starts_at);

CREATE TABLE quote (
    id              UUID PRIMARY KEY,
    inquiry_id      UUID        NOT NULL REFERENCES inquiry (id),
    version_no      INT         NOT NULL,
    package_id      UUID REFERENCES service_package (id),
    currency        CHAR(3)     NOT NULL,
    discount_minor  BIGINT      NOT NULL DEFAULT 0,
    tax_rate_bp     INT         NOT NULL DEFAULT 0,
    subtotal_minor  BIGINT      NOT NULL,
    tax_minor       BIGINT      NOT NULL,
    total_minor     BIGINT      NOT NULL,
    valid_until     DATE        NOT NULL,
    status          VARCHAR(16) NOT NULL DEFAULT 'DRAFT',
    sent_at         TIMESTAMP WITH TIME ZONE,
    notes           VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT quote_status_ck CHECK (status IN ('DRAFT', 'SENT', 'ACCEPTED', 'SUPERSEDED')),
    CONSTRAINT quote_amounts_ck CHECK (discount_minor >= 0 AND subtotal_minor >= 0 AND tax_minor >= 0)
);
CREATE UNIQUE INDEX quote_version_ux ON quote (inquiry_id, version_no);

CREATE TABLE quote_line (
    id                UUID PRIMARY KEY,
    quote_id          UUID         NOT NULL REFERENCES quote (id),
    position          INT          NOT NULL,
    description       VARCHAR(500) NOT NULL,
    quantity          INT          NOT NULL,
    unit_price_minor  BIGINT       NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INT NOT NULL DEFAULT 0,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT quote_line_qty_ck CHECK (quantity > 0)
);
CREATE INDEX quote_line_quote_ix ON quote_line (quote_id, position);

-- ---------------------------------------------------------------- bookings, series, holds, assignments
CREATE TABLE booking_series (
    id           UUID PRIMARY KEY,
    description  VARCHAR(500) NOT NULL,
    rule         VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      INT NOT NULL DEFAULT 0,
    deleted_at   TIMESTAMP WITH TIME ZONE
);

CREATE TABLE booking (
    id                       UUID PRIMARY KEY,
    number                   VARCHAR(32)  COLLATE "C" NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    title                    VARCHAR(200) NOT NULL,
    client_id                UUID         NOT NULL REFERENCES client (id),
    venue_id                 UUID REFERENCES venue (id),
    package_id               UUID REFERENCES service_package (id),
    inquiry_id               UUID REFERENCES inquiry (id),
    series_id                UUID REFERENCES booking_series (id),
    starts_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    time_zone                VARCHAR(64)  NOT NULL,
    currency                 CHAR(3)      NOT NULL,
    fee_minor                BIGINT       NOT NULL,
    tax_rate_bp              INT          NOT NULL DEFAULT 0,
    deposit_kind             VARCHAR(16)  NOT NULL DEFAULT 'PERCENT',
    deposit_value            BIGINT       NOT NULL DEFAULT 0,
    deposit_due_basis        VARCHAR(16)  NOT NULL DEFAULT 'BOOKING',
    deposit_due_days         INT          NOT NULL DEFAULT 7,
    balance_due_days_before  INT          NOT NULL DEFAULT 14,
    slots_needed             INT          NOT NULL DEFAULT 1,
    contact_on_day           VARCHAR(200),
    cancellation_reason      VARCHAR(500),
    cancellation_fee_minor   BIGINT,
    notes                    VARCHAR(4000),
    search_text              VARCHAR(2000) NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  INT NOT NULL DEFAULT 0,
    deleted_at               TIMESTAMP WITH TIME ZONE,
    CONSTRAINT booking_status_ck CHECK (status IN ('HOLD', 'CONFIRMED', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT booking_window_ck CHECK (ends_at > starts_at),
    CONSTRAINT booking_fee_ck CHECK (fee_minor >= 0),
    CONSTRAINT booking_deposit_kind_ck CHECK (deposit_kind IN ('PERCENT', 'AMOUNT')),
    CONSTRAINT booking_deposit_basis_ck CHECK (deposit_due_basis IN ('BOOKING', 'EVENT'))
);
CREATE UNIQUE INDEX booking_number_ux ON booking (number);
CREATE INDEX booking_starts_ix ON booking (starts_at);
CREATE INDEX booking_status_starts_ix ON booking (status, starts_at);
CREATE INDEX booking_client_ix ON booking (client_id, starts_at);
CREATE INDEX booking_venue_ix ON booking (venue_id, starts_at);

CREATE TABLE booking_schedule_change (
    id              UUID PRIMARY KEY,
    booking_id      UUID NOT NULL REFERENCES booking (id),
    old_starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    old_ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    new_starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    new_ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX booking_schedule_change_ix ON booking_schedule_change (booking_id);

CREATE TABLE hold (
    id                  UUID PRIMARY KEY,
    booking_id          UUID        NOT NULL REFERENCES booking (id),
    performer_id        UUID REFERENCES performer (id),
    hold_rank           INT         NOT NULL,
    status              VARCHAR(16) NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    challenged_at       TIMESTAMP WITH TIME ZONE,
    decision_deadline   TIMESTAMP WITH TIME ZONE,
    owner_user_id       UUID REFERENCES app_user (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INT NOT NULL DEFAULT 0,
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT hold_status_ck CHECK (status IN ('ACTIVE', 'RELEASED', 'EXPIRED', 'LAPSED', 'CONFIRMED', 'CANCELLED')),
    CONSTRAINT hold_rank_ck CHECK (hold_rank >= 1)
);
CREATE INDEX hold_booking_ix ON hold (booking_id);
CREATE INDEX hold_performer_ix ON hold (performer_id, status);
CREATE INDEX hold_expiry_ix ON hold (status, expires_at);

CREATE TABLE assignment (
    id                         UUID PRIMARY KEY,
    booking_id                 UUID        NOT NULL REFERENCES booking (id),
    performer_id               UUID        NOT NULL REFERENCES performer (id),
    role                       VARCHAR(120) NOT NULL,
    call_time                  TIMESTAMP WITH TIME ZONE,
    payout_minor               BIGINT      NOT NULL,
    currency                   CHAR(3)     NOT NULL,
    commission_bp              INT         NOT NULL DEFAULT 0,
    withholding_bp             INT         NOT NULL DEFAULT 0,
    payout_status              VARCHAR(16) NOT NULL DEFAULT 'UNPAID',
    paid_on                    DATE,
    paid_method                VARCHAR(32),
    paid_reference             VARCHAR(120),
    conflict_override_reason   VARCHAR(500),
    -- denormalised copy of the booking window: the conflict check reads one index, not a join
    starts_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    INT NOT NULL DEFAULT 0,
    deleted_at                 TIMESTAMP WITH TIME ZONE,
    CONSTRAINT assignment_payout_ck CHECK (payout_minor >= 0),
    CONSTRAINT assignment_status_ck CHECK (payout_status IN ('UNPAID', 'PAID')),
    CONSTRAINT assignment_window_ck CHECK (ends_at > starts_at)
);
CREATE INDEX assignment_booking_ix ON assignment (booking_id);
CREATE INDEX assignment_performer_ix ON assignment (performer_id, starts_at);
CREATE INDEX assignment_payout_ix ON assignment (payout_status, performer_id);

-- ---------------------------------------------------------------- payments (append-only ledger)
CREATE TABLE payment (
    id                   UUID PRIMARY KEY,
    booking_id           UUID         NOT NULL REFERENCES booking (id),
    kind                 VARCHAR(16)  NOT NULL,
    amount_minor         BIGINT       NOT NULL,
    currency             CHAR(3)      NOT NULL,
    exchange_rate        DECIMAL(18, 8) NOT NULL DEFAULT 1,
    base_amount_minor    BIGINT       NOT NULL,
    method               VARCHAR(32)  NOT NULL,
    received_on          DATE         NOT NULL,
    reference            VARCHAR(120),
    reverses_payment_id  UUID REFERENCES payment (id),
    notes                VARCHAR(1000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              INT NOT NULL DEFAULT 0,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payment_kind_ck CHECK (kind IN ('DEPOSIT', 'BALANCE', 'OTHER', 'REFUND', 'REVERSAL')),
    CONSTRAINT payment_rate_ck CHECK (exchange_rate > 0)
);
CREATE INDEX payment_booking_ix ON payment (booking_id);
CREATE INDEX payment_received_ix ON payment (received_on);

-- ---------------------------------------------------------------- invoices and credit notes
CREATE TABLE invoice (
    id                   UUID PRIMARY KEY,
    number               VARCHAR(32),
    kind                 VARCHAR(16)  NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    booking_id           UUID REFERENCES booking (id),
    client_id            UUID         NOT NULL REFERENCES client (id),
    credited_invoice_id  UUID REFERENCES invoice (id),
    issue_date           DATE,
    due_date             DATE,
    currency             CHAR(3)      NOT NULL,
    exchange_rate        DECIMAL(18, 8) NOT NULL DEFAULT 1,
    subtotal_minor       BIGINT       NOT NULL,
    tax_minor            BIGINT       NOT NULL,
    total_minor          BIGINT       NOT NULL,
    bill_to_name         VARCHAR(200),
    bill_to_address      VARCHAR(1000),
    bill_to_tax_id       VARCHAR(64),
    reason               VARCHAR(500),
    notes                VARCHAR(4000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              INT NOT NULL DEFAULT 0,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT invoice_kind_ck CHECK (kind IN ('DEPOSIT', 'FINAL', 'CREDIT_NOTE')),
    CONSTRAINT invoice_status_ck CHECK (status IN ('DRAFT', 'ISSUED', 'SENT', 'PAID', 'CREDITED')),
    CONSTRAINT invoice_issued_has_number_ck CHECK (status = 'DRAFT' OR number IS NOT NULL)
);
CREATE UNIQUE INDEX invoice_number_ux ON invoice (number);
CREATE INDEX invoice_booking_ix ON invoice (booking_id);
CREATE INDEX invoice_issue_ix ON invoice (issue_date);

CREATE TABLE invoice_line (
    id                UUID PRIMARY KEY,
    invoice_id        UUID         NOT NULL REFERENCES invoice (id),
    position          INT          NOT NULL,
    description       VARCHAR(500) NOT NULL,
    quantity          INT          NOT NULL,
    unit_price_minor  BIGINT       NOT NULL,
    tax_rate_bp       INT          NOT NULL,
    net_minor         BIGINT       NOT NULL,
    tax_minor         BIGINT       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INT NOT NULL DEFAULT 0,
    deleted_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX invoice_line_invoice_ix ON invoice_line (invoice_id, position);

-- ---------------------------------------------------------------- expenses
CREATE TABLE attachment (
    id            UUID PRIMARY KEY,
    entity_type   VARCHAR(32)  NOT NULL,
    entity_id     UUID         NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(120) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    stored_path   VARCHAR(1000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INT NOT NULL DEFAULT 0,
    deleted_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX attachment_entity_ix ON attachment (entity_type, entity_id);

CREATE TABLE performer_expense (
    id             UUID PRIMARY KEY,
    performer_id   UUID         NOT NULL REFERENCES performer (id),
    booking_id     UUID REFERENCES booking (id),
    category       VARCHAR(64)  NOT NULL,
    description    VARCHAR(500),
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    spent_on       DATE         NOT NULL,
    attachment_id  UUID REFERENCES attachment (id),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        INT NOT NULL DEFAULT 0,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT performer_expense_amount_ck CHECK (amount_minor > 0)
);
CREATE INDEX performer_expense_ix ON performer_expense (performer_id, spent_on);

CREATE TABLE recurring_expense (
    id                 UUID PRIMARY KEY,
    category           VARCHAR(64)  NOT NULL,
    vendor             VARCHAR(200) NOT NULL,
    amount_minor       BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    method             VARCHAR(32)  NOT NULL,
    day_of_month       INT          NOT NULL,
    starts_on          DATE         NOT NULL,
    ends_on            DATE,
    last_generated_on  DATE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            INT NOT NULL DEFAULT 0,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recurring_day_ck CHECK (day_of_month BETWEEN 1 AND 28),
    CONSTRAINT recurring_amount_ck CHECK (amount_minor > 0)
);

CREATE TABLE overhead_expense (
    id                    UUID PRIMARY KEY,
    category              VARCHAR(64)  NOT NULL,
    vendor                VARCHAR(200) NOT NULL,
    description           VARCHAR(500),
    amount_minor          BIGINT       NOT NULL,
    currency              CHAR(3)      NOT NULL,
    exchange_rate         DECIMAL(18, 8) NOT NULL DEFAULT 1,
    method                VARCHAR(32)  NOT NULL,
    spent_on              DATE         NOT NULL,
    recurring_expense_id  UUID REFERENCES recurring_expense (id),
    attachment_id         UUID REFERENCES attachment (id),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INT NOT NULL DEFAULT 0,
    deleted_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT overhead_amount_ck CHECK (amount_minor > 0)
);
CREATE INDEX overhead_expense_ix ON overhead_expense (spent_on);

-- ---------------------------------------------------------------- notifications
CREATE TABLE notification (
    id           UUID PRIMARY KEY,
    user_id      UUID REFERENCES app_user (id),
    kind         VARCHAR(32)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    body         VARCHAR(2000),
    entity_type  VARCHAR(32),
    entity_id    UUID,
    dedupe_key   VARCHAR(200) NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      INT NOT NULL DEFAULT 0,
    deleted_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX notification_dedupe_ux ON notification (user_id, dedupe_key);
CREATE INDEX notification_user_ix ON notification (user_id, read_at);

-- ---------------------------------------------------------------- audit log (append-only, hash-chained)
CREATE TABLE audit_log (
    seq           BIGINT PRIMARY KEY,
    id            UUID          NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    entity_type   VARCHAR(32)   NOT NULL,
    entity_id     UUID,
    changes       TEXT          NOT NULL,
    prev_hash     CHAR(64)      NOT NULL,
    hash          CHAR(64)      NOT NULL
);
CREATE UNIQUE INDEX audit_log_id_ux ON audit_log (id);
CREATE INDEX audit_log_entity_ix ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_time_ix ON audit_log (occurred_at);
