-- HTTP wire providers (docs/wire.md, "Providers"): the credential an admin typed, sealed with AES-GCM under
-- <data dir>/wire-credentials.key (never stored or shown as typed), and what the last poll found, for the
-- providers screen.
ALTER TABLE wire_provider ADD COLUMN credential_sealed TEXT NOT NULL DEFAULT '';
ALTER TABLE wire_provider ADD COLUMN last_poll_note TEXT NOT NULL DEFAULT '';
