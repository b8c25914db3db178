-- The pipeline's own audit entry is written by an event listener, which the event registry runs again when it cannot
-- tell that it finished (a node that stopped in between, a retry while the first run was still queued). The event's
-- id makes the second write a no-op. Entries by people, and older ones, have none.
alter table moderation_audit add column event_id varchar(36);
create unique index moderation_audit_event_idx on moderation_audit (event_id);
