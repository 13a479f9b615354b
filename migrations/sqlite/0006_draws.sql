-- Random inspection draws (双随机): each draw keeps its seed, the pools it
-- drew from and their fingerprints, and its result, so it can be replayed
-- and published. Append-only: a draw is never edited.
CREATE TABLE draw (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    licence_kind    TEXT NOT NULL DEFAULT '',
    zone            TEXT NOT NULL DEFAULT '',
    ratio_permille  BIGINT NOT NULL,
    per_target      BIGINT NOT NULL,
    seed            TEXT NOT NULL,
    drawn_by        BIGINT REFERENCES staff(id),
    drawn_at        TIMESTAMPTZ NOT NULL,
    targets         TEXT NOT NULL,
    inspectors      TEXT NOT NULL,
    targets_hash    TEXT NOT NULL,
    inspectors_hash TEXT NOT NULL,
    result          TEXT NOT NULL,
    result_hash     TEXT NOT NULL
);

-- The inspections a draw made.
ALTER TABLE inspection ADD COLUMN draw_id BIGINT REFERENCES draw(id);
