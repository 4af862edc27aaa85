-- The audit log's reader filters by who made the change, newest first (AuditTrail).
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, id);
