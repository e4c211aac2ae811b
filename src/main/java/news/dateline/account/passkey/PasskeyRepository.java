package news.dateline.account.passkey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The passkey tables of V23: each account's user handle and its registered credentials. */
@Repository
class PasskeyRepository {

    /** A credential as stored: what an assertion is checked against. */
    record StoredCredential(String credentialId, long accountId, String name, String credential, long signCount,
            boolean uvInitialized, boolean backupEligible, boolean backedUp, String transports) {
    }

    private final JdbcClient jdbc;

    PasskeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> handle(long accountId) {
        return jdbc.sql("SELECT handle FROM passkey_user WHERE account_id = :id").param("id", accountId)
                .query(String.class).optional();
    }

    /** The account a user handle belongs to. */
    Optional<Long> accountOfHandle(String handle) {
        return jdbc.sql("SELECT account_id FROM passkey_user WHERE handle = :handle").param("handle", handle)
                .query(Long.class).optional();
    }

    /** Keeps the first handle made for an account: two tabs registering at once share it. */
    String handleFor(long accountId, String fresh) {
        jdbc.sql("""
                        INSERT INTO passkey_user (account_id, handle) VALUES (:id, :handle)
                        ON CONFLICT (account_id) DO NOTHING""")
                .param("id", accountId).param("handle", fresh).update();
        return handle(accountId).orElseThrow();
    }

    /** False when a credential with this id is registered already (to this account or another). */
    boolean insert(StoredCredential credential, Instant now) {
        return jdbc.sql("""
                        INSERT INTO passkey (credential_id, account_id, name, credential, sign_count, uv_initialized,
                                             backup_eligible, backed_up, transports, created_at)
                        VALUES (:id, :account, :name, :credential, :count, :uv, :be, :bs, :transports, :now)
                        ON CONFLICT (credential_id) DO NOTHING""")
                .param("id", credential.credentialId()).param("account", credential.accountId())
                .param("name", credential.name()).param("credential", credential.credential())
                .param("count", credential.signCount()).param("uv", credential.uvInitialized())
                .param("be", credential.backupEligible()).param("bs", credential.backedUp())
                .param("transports", credential.transports()).param("now", now.toEpochMilli())
                .update() == 1;
    }

    Optional<StoredCredential> find(String credentialId) {
        return jdbc.sql("""
                        SELECT credential_id, account_id, name, credential, sign_count, uv_initialized,
                               backup_eligible, backed_up, transports
                        FROM passkey WHERE credential_id = :id""")
                .param("id", credentialId)
                .query((row, n) -> new StoredCredential(row.getString("credential_id"), row.getLong("account_id"),
                        row.getString("name"), row.getString("credential"), row.getLong("sign_count"),
                        row.getBoolean("uv_initialized"), row.getBoolean("backup_eligible"),
                        row.getBoolean("backed_up"), row.getString("transports")))
                .optional();
    }

    List<Passkey> of(long accountId) {
        return jdbc.sql("""
                        SELECT credential_id, name, created_at, last_used_at, backed_up FROM passkey
                        WHERE account_id = :id ORDER BY created_at, credential_id""")
                .param("id", accountId)
                .query((row, n) -> {
                    long used = row.getLong("last_used_at");
                    Instant lastUsed = row.wasNull() ? null : Instant.ofEpochMilli(used);
                    return new Passkey(row.getString("credential_id"), row.getString("name"),
                            Instant.ofEpochMilli(row.getLong("created_at")), lastUsed, row.getBoolean("backed_up"));
                })
                .list();
    }

    List<String> idsOf(long accountId) {
        return jdbc.sql("SELECT credential_id FROM passkey WHERE account_id = :id ORDER BY created_at")
                .param("id", accountId).query(String.class).list();
    }

    int count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM passkey WHERE account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }

    /**
     * Takes a signature's counter: true only if it moved on from the stored one (or both are 0, an authenticator
     * that keeps no counter, as synced passkeys do), in one statement, so two requests carrying the same assertion
     * cannot both pass and a cloned authenticator whose counter lags is caught.
     */
    boolean advance(String credentialId, long signCount, boolean backedUp, Instant now) {
        return jdbc.sql("""
                        UPDATE passkey SET sign_count = :count, backed_up = :bs, last_used_at = :now
                        WHERE credential_id = :id AND (sign_count < :count OR (sign_count = 0 AND :count = 0))""")
                .param("id", credentialId).param("count", signCount).param("bs", backedUp)
                .param("now", now.toEpochMilli()).update() == 1;
    }

    boolean rename(long accountId, String credentialId, String name) {
        return jdbc.sql("UPDATE passkey SET name = :name WHERE credential_id = :id AND account_id = :account")
                .param("name", name).param("id", credentialId).param("account", accountId).update() == 1;
    }

    boolean delete(long accountId, String credentialId) {
        return jdbc.sql("DELETE FROM passkey WHERE credential_id = :id AND account_id = :account")
                .param("id", credentialId).param("account", accountId).update() == 1;
    }
}
