-- comment_article_idx (article_id, status) is left out: comment_changed_idx (article_id, changed_in) leads with the
-- same column, and every read by article (the whole discussion, its changes since a version, the moderation queue of
-- one article, the desk's activity counts) either reads all of that article's comments or is answered by that index
-- and a filter. One index fewer to write for every comment posted, moderated or stamped.
drop index if exists comment_article_idx;
