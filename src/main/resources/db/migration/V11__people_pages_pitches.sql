-- People, pages and pitches: author profiles with pictures, social links and a linked account; the site's editable
-- pages; and pitches from would-be contributors. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

-- An uploaded author picture, re-encoded as a small PNG (avatar_url then points at it); social links; the account
-- the author writes from (one author per account; not a foreign key, so deleting the account leaves the byline).
alter table author add column avatar_png bytea;
alter table author add column website_url varchar(500);
alter table author add column mastodon_url varchar(500);
alter table author add column x_url varchar(500);
alter table author add column bluesky_url varchar(500);
alter table author add column linkedin_url varchar(500);
alter table author add column email varchar(320);
alter table author add column account_id bigint;
alter table author add column version bigint not null default 0;
create unique index author_account_idx on author (account_id);

-- Pages the newsroom edits in Markdown: About, Contact, Write for us, the discussion guidelines.
create table page (
    slug             varchar(60)    primary key,
    title            varchar(200)   not null,
    body_markdown    varchar(100000) not null,
    updated_at       timestamp with time zone not null,
    updated_by       bigint,
    updated_by_name  varchar(120)
);

insert into page (slug, title, body_markdown, updated_at) values ('about', 'About us',
'We are an independent online publication of news and opinion, written by a small team of editors and staff writers
and by outside contributors from many countries.

## What we publish

- **News**: reported, sourced and corrected when we get something wrong.
- **Opinion**: blog posts by writers who see the world differently from one another and, often, from us. Opinion
  pieces are marked as such, and their authors speak for themselves.

## Our readers

The discussion under our articles is part of the publication. Everyone is welcome to disagree, however sharply; read
our [discussion guidelines](/guidelines) to see what we ask of everyone.

## Get in touch

See the [contact page](/contact), or [write for us](/write-for-us).', timestamp '2018-01-01 00:00:00+00');

insert into page (slug, title, body_markdown, updated_at) values ('contact', 'Contact',
'We read everything that reaches us, though we cannot always answer.

- **A correction**: tell us which article, what is wrong and how you know. Corrections are noted under the article.
- **A pitch for a blog post**: use the form on [Write for us](/write-for-us); it reaches the editors directly.
- **A comment you think breaks the rules**: use the *Report* link under the comment; a moderator decides.
- **Your account and your data**: everything is in your settings once you sign in, including downloading and
  deleting your data.

For anything else, write to the editors at the address the site''s administrator publishes here.', timestamp '2018-01-01 00:00:00+00');

insert into page (slug, title, body_markdown, updated_at) values ('write-for-us', 'Write for us',
'We welcome new voices: people who know a place, a field or a conflict from the inside and can argue a case clearly.

## What we look for

- A blog post of 700 to 1,500 words with one clear argument.
- Something you know first-hand or have studied closely.
- Criticism of governments, parties and policies is welcome; attacks on peoples or faiths are not.

## How it works

Send us a short summary below, with a sample or a link to your writing if you have one. An editor reads every
pitch. If we would like to publish you, we invite you as a contributor: you get an account, draft your piece in our
newsroom and an editor works on it with you before it is published.', timestamp '2018-01-01 00:00:00+00');

insert into page (slug, title, body_markdown, updated_at) values ('guidelines', 'Discussion guidelines',
'Our readers disagree, often sharply, about wars, borders, faiths and governments. That is welcome. What we ask is
that you argue with ideas and claims, not with the people making them, and not against whole peoples.

## Welcome, however harsh

- Criticism of the article, its author’s argument, or this publication (“this piece is one-sided”).
- Criticism of governments, states, armies, parties, policies and named public figures for what they do.
- Accounts of history, wars and atrocities, in plain words, including “terrorist”, “genocide” or “Nazi” used about
  events and organisations.
- Strong disagreement with another reader (“you have the dates wrong, and here is why”).

## Not allowed

- Personal attacks on other readers or the author: insults, name-calling, mockery of who they are.
- Attacks on a people, nationality, ethnicity or faith as such, and dehumanising talk (“vermin”, “go back to your
  cave”).
- Threats, wishes of harm, and telling anyone to hurt themselves.
- Obscenity, spam and advertising, and posting the same thing again and again.

## How moderation works

Every comment is checked before it appears. Most are published at once. Some are held for a moderator to read first;
if yours may be, we tell you before you post, and you can change it. Readers can report comments; a comment reported
by several readers is hidden until a moderator decides. Moderators can remove comments (a note stays in the thread)
and suspend accounts; every decision is recorded.

[Back to the front page](/)', timestamp '2018-01-01 00:00:00+00');

-- Pitches from would-be contributors, and what the editors decided.
create table pitch (
    id                bigint generated by default as identity primary key,
    name              varchar(240)   not null,
    email             varchar(320)   not null,
    summary           varchar(4000)  not null,
    sample            varchar(40000),
    sample_url        varchar(1000),
    status            varchar(16)    not null check (status in ('open', 'invited', 'declined')),
    created_at        timestamp with time zone not null,
    decided_at        timestamp with time zone,
    decided_by        bigint,
    decided_by_name   varchar(120),
    decision_message  varchar(4000),
    account_id        bigint
);

create index pitch_status_idx on pitch (status, created_at);

-- The opinion pages' invitation pointed readers at the contact page; pitches now have a page of their own.
update publication set contributor_invitation = 'Have something to say? Pitch us a blog post.'
where contributor_invitation = 'Have something to say? Pitch us a blog post through our contact page.';
