package news.dateline.account.token;

import static news.dateline.platform.Rows.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.dateline.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table: hashes only, never a token. */
@Repository
class ApiTokenRepository {

    /** What a request's token stands for: the account it acts for, and that account's state now. */
    record Holder(long tokenId, String name, Role tokenRole, long accountId, Role accountRole, Long authorId,
            boolean accountDisabled, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String prefix, String hash, Role role, long accountId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO api_token (name, prefix, token_hash, role, account_id, created_at)
                        VALUES (:name, :prefix, :hash, :role, :account, :at) RETURNING id""")
                .param("name", name).param("prefix", prefix).param("hash", hash).param("role", role.column())
                .param("account", accountId).param("at", at.toEpochMilli())
                .query(Long.class).single();
    }

    List<ApiToken> all() {
        return jdbc.sql("""
                        SELECT t.id, t.name, t.prefix, t.role, ac.username, t.created_at, t.last_used_at, t.revoked_at
                        FROM api_token t JOIN account ac ON ac.id = t.account_id
                        ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id DESC""")
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        Role.fromColumn(rs.getString("role")), rs.getString("username"),
                        instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at")))
                .list();
    }

    Optional<ApiToken> find(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The live token with this hash: not revoked. */
    Optional<Holder> holder(String hash) {
        return jdbc.sql("""
                        SELECT t.id, t.name, t.role, t.last_used_at, ac.id AS account_id, ac.role AS account_role,
                               ac.author_id, ac.disabled
                        FROM api_token t JOIN account ac ON ac.id = t.account_id
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, n) -> {
                    long author = rs.getLong("author_id");
                    Long authorId = rs.wasNull() ? null : author;
                    return new Holder(rs.getLong("id"), rs.getString("name"), Role.fromColumn(rs.getString("role")),
                            rs.getLong("account_id"), Role.fromColumn(rs.getString("account_role")), authorId,
                            rs.getBoolean("disabled"), instant(rs, "last_used_at"));
                })
                .optional();
    }

    boolean revoke(long id, Instant at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", at.toEpochMilli()).param("id", id).update() == 1;
    }

    void used(long id, Instant at) {
        jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id").param("at", at.toEpochMilli())
                .param("id", id).update();
    }
}
