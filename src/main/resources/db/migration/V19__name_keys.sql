-- A key per display name under which names that look alike are equal (publication/NameLikeness: TR39 skeleton of
-- the name without invisible characters, diacritics or case), so that a guest cannot comment under a member's or an
-- author's name. Filled for existing rows by the Java migrations 19.1 (accounts) and 19.2 (authors).
alter table account add column name_key varchar(480);
alter table author add column name_key varchar(480);
create index account_name_key on account (name_key);
create index author_name_key on author (name_key);
