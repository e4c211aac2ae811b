-- Passkeys (WebAuthn) for staff: as the sign-in itself or as the second step after a password
-- (news.dateline.account.passkey; docs/security.md "Passkeys").
-- passkey_user: the WebAuthn user handle of an account, 32 random bytes (base64url) rather than anything that
-- names the person, made when the account registers its first passkey. An authenticator returns it with a
-- discoverable credential, and it must match the credential's owner.
CREATE TABLE passkey_user (
    account_id BIGINT NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    handle     TEXT   NOT NULL UNIQUE
);
-- passkey: one registered credential. credential_id is its id (base64url); credential holds the attested
-- credential data (AAGUID, id and COSE public key, base64url), public and useless without the authenticator.
-- sign_count is the last signature counter seen (a counter that goes back means a cloned authenticator);
-- backup_eligible never changes for a credential, backed_up may.
CREATE TABLE passkey (
    credential_id   TEXT    NOT NULL PRIMARY KEY,
    account_id      BIGINT  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    credential      TEXT    NOT NULL,
    sign_count      BIGINT  NOT NULL DEFAULT 0,
    uv_initialized  BOOLEAN NOT NULL DEFAULT FALSE,
    backup_eligible BOOLEAN NOT NULL DEFAULT FALSE,
    backed_up       BOOLEAN NOT NULL DEFAULT FALSE,
    transports      TEXT    NOT NULL DEFAULT '',
    created_at      BIGINT  NOT NULL,
    last_used_at    BIGINT
);
CREATE INDEX passkey_account ON passkey (account_id);
