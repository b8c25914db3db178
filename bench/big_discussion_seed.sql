-- Seeds a big discussion straight into PostgreSQL for bench/big-discussion.sh (BIG_SEED=sql): the same shape as
-- bench/big_discussion_seed.py (:threads top-level comments, then replies spread evenly over them, answering each
-- thread's first comment, :total in all) in seconds instead of the API's 15-40 posts a second on a loaded machine.
-- Rows as the API stores a guest's published plain-text comment; the discussion's version is bumped without
-- recording the change on a comment, so every node rebuilds its copy from every comment.
-- psql -v slug=... -v total=... -v threads=...
\set ON_ERROR_STOP on
begin;
select id as aid from article where slug = :'slug' \gset
create temporary table seed_words (k int primary key, w text);
insert into seed_words values
 (0, 'I read the piece twice before commenting.'),
 (1, 'The numbers on the summer flow are the heart of it, and nobody on either side publishes them.'),
 (2, 'My family farmed on the plain for three generations, so this is not abstract for us.'),
 (3, 'Fair point, but the dam was built without asking anyone downstream.'),
 (4, 'Publishing the gauge readings every hour would cost almost nothing.'),
 (5, 'I disagree with the author about the reservoir, but the argument is made honestly.');
create temporary table seed_roots (k int primary key, id bigint);
with made as (
  insert into comment (article_id, parent_id, author_name, body, body_html, status, created_at)
  select :aid, null, 'Reader ' || g, a.w || ' ' || b.w || ' (' || g || ')', '<p>' || a.w || ' ' || b.w || ' (' || g || ')</p>',
         'published', now() - interval '3 days' + g * interval '1 second'
  from generate_series(1, :threads) g join seed_words a on a.k = g % 6 join seed_words b on b.k = (g / 6) % 6
  returning id)
insert into seed_roots select (row_number() over (order by id))::int - 1, id from made;
insert into comment (article_id, parent_id, author_name, body, body_html, status, created_at)
select :aid, r.id, 'Reader ' || g, a.w || ' ' || b.w || ' (' || g || ')', '<p>' || a.w || ' ' || b.w || ' (' || g || ')</p>',
       'published', now() - interval '2 days' + g * interval '1 second'
from generate_series(:threads + 1, :total) g join seed_roots r on r.k = g % :threads
  join seed_words a on a.k = g % 6 join seed_words b on b.k = (g / 6) % 6
order by g;
insert into discussion (article_id) values (:aid) on conflict do nothing;
update discussion set version = version + 1, published_count = published_count + :total where article_id = :aid;
commit;
select json_build_object('roots', (select json_agg(id order by k) from (select * from seed_roots order by k limit 3) r),
  'threads', (select count(*) from seed_roots), 'comments', :total) as seed \gset
\echo :seed
