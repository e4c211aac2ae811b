-- Why an imported story came in as a draft rather than as the old site had it ("was password-protected in
-- WordPress", an overdue schedule); NULL for every other story. The editor shows it until the story is published
-- (docs/migrating-from-wordpress.md).
ALTER TABLE article ADD COLUMN import_note TEXT;
