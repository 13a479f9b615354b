-- The role the desks connect with on PostgreSQL (docs/deployment.md, § 9):
-- it reads and writes the office's records and appends to the audit log,
-- and can neither change nor cut the log, nor alter the schema (only the
-- schema's owner, who runs `hrss-desk migrate`, can — and its password is
-- not on the desks' server). Run as that owner, in the office's database,
-- after every `hrss-desk migrate`:
--   psql -U hrss -d hrss -v ON_ERROR_STOP=1 -f postgres-desk-role.sql
-- then give the role a password: ALTER ROLE hrss_desk PASSWORD '…';
DO $$
DECLARE
    s text := current_schema();
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hrss_desk') THEN
        CREATE ROLE hrss_desk LOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO hrss_desk', s);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO hrss_desk', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO hrss_desk', s);
    -- The log: read and appended to, never changed or removed.
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.audit_log FROM hrss_desk', s);
    -- Its head: moved forward by each append (a trigger refuses any other move).
    EXECUTE format('REVOKE INSERT, DELETE, TRUNCATE ON %I.audit_head FROM hrss_desk', s);
    -- The schema's history is the owner's.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I.schema_migration FROM hrss_desk', s);
END
$$;
