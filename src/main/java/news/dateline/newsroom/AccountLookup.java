package news.dateline.newsroom;

import news.dateline.article.ActingAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed-in account's id and byline, which the write rules need beside its role. */
@Repository
class AccountLookup {

    private final JdbcClient jdbc;

    AccountLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ActingAccount acting(Staff staff) {
        return jdbc.sql("SELECT id, author_id FROM account WHERE username = :username")
                .param("username", staff.username())
                .query((rs, n) -> {
                    long authorId = rs.getLong("author_id");
                    return new ActingAccount(rs.getLong("id"), staff.username(), staff.role(),
                            rs.wasNull() ? null : authorId);
                })
                .optional()
                .orElseThrow(() -> new IllegalStateException("Signed in as " + staff.username() + " with no account"));
    }
}
