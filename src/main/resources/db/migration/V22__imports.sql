-- Imports from other systems (WordPress, Disqus). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

-- What each thing in a source became here: importing the same file again finds every row and changes nothing, a
-- newer export adds only what is new, and an import killed half-way is completed by running it again. source names
-- the site or forum ("wordpress:https://example.org", "disqus:forumname"); kind is author, section, tag, media, post,
-- comment; gazette_id is the row's id (an author's or a section's is its slug, kept in gazette_key).
create table import_record (
    source       varchar(300)  not null,
    kind         varchar(20)   not null,
    external_id  varchar(300)  not null,
    gazette_id   bigint,
    gazette_key  varchar(300),
    imported_at  timestamp with time zone not null,
    primary key (source, kind, external_id)
);

create index import_record_gazette_idx on import_record (kind, gazette_id);

-- An old address (a WordPress permalink's path, decoded, without its trailing slash) and the article it answers 301
-- to. Deleting the article forgets its old addresses.
create table import_redirect (
    old_path    varchar(1000) primary key,
    article_id  bigint        not null references article (id) on delete cascade
);

create index import_redirect_article_idx on import_redirect (article_id);
