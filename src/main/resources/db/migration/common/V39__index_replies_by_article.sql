-- Issue 20: every transaction that makes a comment public asks for that article's replies nobody was told of yet
-- (notify.NotifyRepository.untoldReplies). Without this index SQLite walked every approved comment on the site
-- (comment_queue) for each published comment, so a comment cost more the more comments there were. The replies
-- of one article, and only replies, are now one index range: empty for an article without replies.
CREATE INDEX comment_reply ON comment (article_id, state, parent_id) WHERE parent_id IS NOT NULL;
