-- Opinion is one thing: the kind says what a piece is, and the Opinion section's page lists every opinion piece
-- whatever section it is filed in. A piece filed in the Opinion section was meant as opinion, so it becomes one (the
-- newsroom refuses a news piece there from now on).
update article set kind = 'opinion'
where kind <> 'opinion' and section_id in (select id from section where slug = 'opinion');

-- The front page is edited: editors pin pieces to the front page (scope 0) or to a section's page (scope = the
-- section's id), in order; position 0 is the lead. Pages read this table on every request, so every node agrees at
-- once. A pick whose piece is no longer visible is skipped when read and dropped at the next change.
create table front_pick (
    scope       bigint                   not null,
    position    integer                  not null,
    article_id  bigint                   not null references article (id) on delete cascade,
    picked_by   bigint,
    picked_at   timestamp with time zone not null,
    primary key (scope, article_id)
);

create index front_pick_order_idx on front_pick (scope, position);

-- People are told: newsroom notices a person turned off (one row per notice: submitted, note, returned, scheduled,
-- published). No row: the notice is on.
create table newsroom_notice_off (
    account_id  bigint       not null references account (id) on delete cascade,
    notice      varchar(32)  not null,
    primary key (account_id, notice)
);
