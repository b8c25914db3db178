-- One row per comment posted with an Idempotency-Key (API) or a form's one-time submission id: a retry of the same
-- request (the client timed out, the reader pressed Send twice, the browser resent the form) finds the comment the
-- first attempt made instead of making a second one. scope keeps keys of different callers apart ('api:guest',
-- 'api:<account id>', 'form'); fingerprint is a SHA-256 of what was sent, so a key reused for another request is
-- refused. Rows are deleted after gazette.comments.submission-keys-kept (24 h). Runs on H2 and PostgreSQL 15+.
create table comment_submission (
    scope          varchar(40)  not null,
    submission_key varchar(200) not null,
    fingerprint    varchar(64)  not null,
    comment_id     bigint       not null,
    created_at     timestamp with time zone not null,
    primary key (scope, submission_key)
);
create index comment_submission_created on comment_submission (created_at);
