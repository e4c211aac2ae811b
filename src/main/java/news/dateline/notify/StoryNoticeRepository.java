package news.dateline.notify;

import java.util.List;
import java.util.Optional;
import news.dateline.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What an author's mail about their story reads: the story, who is on its byline, its latest correction. */
@Repository
class StoryNoticeRepository {

    record Story(String headline, String path) {
    }

    record Bylined(long accountId, String email) {
    }

    record Correction(String note, Long accountId) {
    }

    private final JdbcClient jdbc;

    StoryNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The story if it is published (a correction to a draft tells nobody). */
    Optional<Story> story(long articleId) {
        return jdbc.sql("""
                        SELECT a.headline, s.slug AS section_slug, a.slug FROM article a
                        JOIN section s ON s.id = a.section_id
                        WHERE a.id = :id AND a.status = 'published'""")
                .param("id", articleId)
                .query((rs, n) -> new Story(rs.getString("headline"),
                        Slugs.inUrl("/" + rs.getString("section_slug") + "/" + rs.getString("slug"))))
                .optional();
    }

    /** The accounts of the story's bylines that have an address, are enabled and want these mails. */
    List<Bylined> bylined(long articleId) {
        return jdbc.sql("""
                        SELECT DISTINCT ac.id, ac.email FROM article_author aa
                        JOIN account ac ON ac.author_id = aa.author_id
                        LEFT JOIN notify_preference p ON p.account_id = ac.id
                        WHERE aa.article_id = :id AND ac.email IS NOT NULL AND ac.disabled = FALSE
                          AND (p.story_mail IS NULL OR p.story_mail = TRUE)
                        ORDER BY ac.id""")
                .param("id", articleId)
                .query((rs, n) -> new Bylined(rs.getLong("id"), rs.getString("email")))
                .list();
    }

    Optional<Correction> latestCorrection(long articleId) {
        return jdbc.sql("""
                        SELECT note, account_id FROM article_correction WHERE article_id = :id
                        ORDER BY id DESC LIMIT 1""")
                .param("id", articleId)
                .query((rs, n) -> {
                    long account = rs.getLong("account_id");
                    return new Correction(rs.getString("note"), rs.wasNull() ? null : account);
                })
                .optional();
    }
}
