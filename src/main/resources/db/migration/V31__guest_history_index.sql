-- Screening reads a guest's standing and recent texts by the address they gave (moderation's author history,
-- ModeratedComments). With no index on the address, each post by a guest who gave one scanned every guest comment on
-- the site: 4 s a post at 170,000 guest comments.
create index comment_guest_idx on comment (guest_email, created_at);
