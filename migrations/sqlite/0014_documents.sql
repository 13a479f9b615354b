-- Documents issued on records: a number per kind and year, given once for a
-- record and never again (a discarded draft keeps its number), and the
-- SHA-256 of the file last rendered.
CREATE TABLE document_issued (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    year            BIGINT NOT NULL,
    seq             BIGINT NOT NULL,
    record_kind     TEXT NOT NULL,
    record_id       BIGINT NOT NULL,
    sha256          TEXT NOT NULL DEFAULT '',
    issued_by       BIGINT REFERENCES staff(id),
    issued_on       DATE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    UNIQUE (kind, year, seq),
    UNIQUE (kind, record_kind, record_id)
);

-- The office's own templates (its letterhead, its wording), shared by every
-- desk; a kind without one uses the built-in template.
CREATE TABLE document_template (
    kind            TEXT PRIMARY KEY,
    body            BLOB NOT NULL,
    loaded_by       BIGINT REFERENCES staff(id),
    version         BIGINT NOT NULL DEFAULT 1
);
