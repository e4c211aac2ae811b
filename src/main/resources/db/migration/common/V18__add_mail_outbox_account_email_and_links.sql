-- Mail (news.dateline.mail; docs/mail.md) and what it carries for accounts.
--
-- A staff member's email address, for password reset links and invitations; stored lower-cased, NULL when none
-- was given. At most one account per address.
ALTER TABLE account ADD COLUMN email TEXT;
CREATE UNIQUE INDEX account_by_email ON account (email);
-- Raised whenever the password changes (by its owner, an administrator or a reset link): a session remembers the
-- value it signed in with, and one that remembers an older value is ended on its next request. Works the same
-- for sessions in the database (PostgreSQL) and in the server's memory (SQLite). NULL reads as 0 (never changed).
ALTER TABLE account ADD COLUMN session_epoch INTEGER;

-- The mail outbox: a mail is stored in the transaction that causes it and sent afterwards by a worker
-- (mail/OutboxWorker), retried with exponential back-off while the SMTP server is away. The id is assigned by
-- the application (random), so one statement serves both databases.
CREATE TABLE outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    -- extra headers (List-Unsubscribe …), one "Name: value" per line
    headers         TEXT    NOT NULL DEFAULT '',
    state           TEXT    NOT NULL CHECK (state IN ('waiting', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT    NOT NULL DEFAULT '',
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX outbox_by_state_and_next_attempt ON outbox (state, next_attempt_at);

-- Single-use links mailed to a person: a password reset, an invitation. Only the SHA-256 of the link's token is
-- kept; used_at is set when the link is used, so it works once.
CREATE TABLE account_link (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    purpose    TEXT   NOT NULL CHECK (purpose IN ('reset', 'invitation')),
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX account_link_by_account ON account_link (account_id);
