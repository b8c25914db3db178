-- Screening reads a guest's standing and recent texts by the address they gave (moderation's author history, "where
-- account_id is null and guest_email = ?"). With no index on the address, each post by a guest who gave one scanned
-- every guest comment on the site: 4 s a post at 170,000 guest comments. account_id is in the index too: with only
-- the address, H2 chose comment_account_idx for "account_id is null" (every guest comment) over it.
create index comment_guest_idx on comment (guest_email, account_id, created_at);
