-- Notification mails (news.dateline.notify; docs/mail.md lists them, docs/comments.md says what is kept).

-- TRUE: a reader who ticked "Notify me of replies by email" on this comment; cleared by the unsubscribe link (for
-- every comment from the same address). NULL (comments from before) reads as not asked.
ALTER TABLE comment ADD COLUMN notify_replies BOOLEAN;

-- Replies whose mail was queued (or that needed none): each published reply mails its parent's author once, however
-- often it is approved, trashed and restored. Holds ids only; goes with the reply.
CREATE TABLE reply_notice (
    reply_id   BIGINT NOT NULL PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);

-- The moderators' digest of held comments: when the last went out and the newest held comment it covered. The
-- first digest inserts the row, each later one updates it on a condition: of several nodes only one sends it.
CREATE TABLE notify_digest (
    name            TEXT   NOT NULL PRIMARY KEY,
    last_sent_at    BIGINT NOT NULL,
    last_comment_id BIGINT NOT NULL
);

-- A staff member's choice of notification mails; no row: every mail their role gets.
CREATE TABLE notify_preference (
    account_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    held_digest BOOLEAN NOT NULL DEFAULT TRUE,
    story_mail  BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at  BIGINT  NOT NULL
);
