-- Why an imported story came in as a draft rather than as the old site had it ("was password-protected in
-- WordPress", an overdue schedule): the editor shows it until the story is published (docs/migrating-from-wordpress.md).
ALTER TABLE article ADD COLUMN import_note TEXT NOT NULL DEFAULT '';
