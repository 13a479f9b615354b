-- The audit log is append-only (issue 19, point 4): an entry once written
-- is never changed or removed, and the head only moves forward, to an
-- entry that is in the log. An insider with the database file can still
-- drop these triggers; `audit anchor` records heads outside the file so
-- that `audit verify --anchors` catches a log cut or rewritten even then.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.seq <= OLD.seq
  OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'audit_head only moves forward to an entry in the log');
END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'audit_head is kept');
END;
