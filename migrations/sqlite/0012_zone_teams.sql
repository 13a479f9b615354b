-- Inspector teams for zone supervision; the zones they watch rotate each
-- quarter by rule (domain::zone), so only the teams are stored.
CREATE TABLE inspector_team (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    version         BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE team_member (
    team_id         BIGINT NOT NULL REFERENCES inspector_team(id),
    staff_id        BIGINT NOT NULL REFERENCES staff(id),
    PRIMARY KEY (team_id, staff_id)
);
