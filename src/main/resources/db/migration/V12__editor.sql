-- The article editor. When a piece last moved through the workflow (the editors' dashboard shows how long a
-- submitted piece has waited); null for articles from before that never moved.
alter table article add column state_changed_at timestamp with time zone;
update article set state_changed_at = created_at where created_at is not null;

-- What a writer had typed in the editor and not saved yet, kept apart from the article so that readers never see
-- it: one per piece and writer, replaced by each autosave, removed by a real save or by the writer's "Discard".
-- fields holds the form's other fields as JSON; version is the article's version the writer was editing.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.
create table article_autosave (
    article_id   bigint          not null references article (id) on delete cascade,
    account_id   bigint          not null,
    version      bigint          not null,
    fields       varchar(20000)  not null,
    body         varchar(200000) not null,
    saved_at     timestamp with time zone not null,
    primary key (article_id, account_id)
);
