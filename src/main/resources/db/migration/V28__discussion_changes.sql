-- A discussion brought up to date from what changed (issue 14 item 3). Each change to a comment stamps the comment
-- with the discussion version it made (in the same transaction, under the discussion row's lock), so a node whose
-- copy is at version v reads only the comments with changed_in > v, by this index, instead of all of them.
-- 0: written before this column; such rows are read whenever a node builds its copy from every comment.
alter table comment add column changed_in bigint not null default 0;
create index comment_changed_idx on comment (article_id, changed_in);

-- How many of the version's bumps were recorded on a comment as above. A node keeps, with its copy, how many were
-- not (version - listed_changes); when that number has grown since, some change (a comment removed altogether, an
-- account renamed, a write from outside Gazette that only bumped the version) cannot be read from the comments, and
-- the copy is rebuilt from all of them.
alter table discussion add column listed_changes bigint not null default 0;
