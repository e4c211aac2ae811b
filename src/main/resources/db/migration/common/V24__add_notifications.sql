-- Notification mails (news.dateline.notify; docs/mail.md lists them, docs/comments.md says what is kept).

-- A reader who ticked "Notify me of replies by email" on this comment; cleared by the unsubscribe link (for every
-- comment from the same address).
ALTER TABLE comment ADD COLUMN notify_replies BOOLEAN NOT NULL DEFAULT FALSE;

-- Replies whose mail was queued (or that needed none): each published reply mails its parent's author once, however
-- often it is approved, trashed and restored. Holds ids only; goes with the reply.
CREATE TABLE reply_notice (
    reply_id   BIGINT NOT NULL PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);

-- The moderators' digest of held comments: when the last went out and the newest held comment it covered. One
-- conditional UPDATE of this row claims a digest, so of several nodes only one sends it.
CREATE TABLE notify_digest (
    name            TEXT   NOT NULL PRIMARY KEY,
    last_sent_at    BIGINT NOT NULL,
    last_comment_id BIGINT NOT NULL
);
INSERT INTO notify_digest (name, last_sent_at, last_comment_id) VALUES ('held-comments', 0, 0);

-- A staff member's choice of notification mails; no row: every mail their role gets.
CREATE TABLE notify_preference (
    account_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    held_digest BOOLEAN NOT NULL DEFAULT TRUE,
    story_mail  BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at  BIGINT  NOT NULL
);
