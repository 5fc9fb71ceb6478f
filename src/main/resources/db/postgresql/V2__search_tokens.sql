-- Word index for instant search: one row per (kind of record, word, record). A search term matches the
-- words it is a prefix of, through the primary key (a range scan), instead of scanning every record.
-- Filled by the repositories on every write; SearchIndex.rebuild fills it for stores created before V2.
CREATE TABLE search_token (
    entity_type  VARCHAR(16)  NOT NULL,
    token        VARCHAR(64)  COLLATE "C" NOT NULL,
    record_id    UUID         NOT NULL,
    PRIMARY KEY (entity_type, token, record_id)
);
CREATE INDEX search_token_record_ix ON search_token (record_id);
