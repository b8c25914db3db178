-- What the newsroom edits beyond the copy readers see in the page: a title and description for search engines and
-- share cards (each falls back to the headline and standfirst when empty), and the lead image picked from the media
-- library (the media migration that follows adds its table and the foreign key). Articles from before keep their lead
-- image in the lead_image_* columns. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.
alter table article add column seo_title varchar(300);
alter table article add column seo_description varchar(500);
alter table article add column lead_media_id bigint;
