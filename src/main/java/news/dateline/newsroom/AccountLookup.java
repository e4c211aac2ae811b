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
                    // wasNull speaks of the last column read: ask before reading the id.
                    Long author = rs.wasNull() ? null : authorId;
                    return new ActingAccount(rs.getLong("id"), staff.username(), staff.role(), author);
                })
                .optional()
                .orElseThrow(() -> new IllegalStateException("Signed in as " + staff.username() + " with no account"));
    }
}
