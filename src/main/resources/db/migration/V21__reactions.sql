-- Readers recommend comments: one row per (comment, reader), so a second click or a race between two requests cannot
-- count twice (the primary key refuses it); counts are derived from these rows, never kept as a separate number.
create table comment_recommendation (
    comment_id  bigint                   not null references comment (id) on delete cascade,
    account_id  bigint                   not null references account (id) on delete cascade,
    created_at  timestamp with time zone not null,
    primary key (comment_id, account_id)
);
create index comment_recommendation_account_idx on comment_recommendation (account_id);

-- Who made a comment an editors' pick, and when: the Featured section of a discussion names them. Picks made before
-- this column existed have none and are shown without a name.
alter table comment add column featured_by bigint;
alter table comment add column featured_at timestamp with time zone;
