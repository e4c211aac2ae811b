package news.dateline.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the index is built from: published articles as the database has them, and the change log. */
@Repository
class SearchRepository {

    private static final String ARTICLE = """
            SELECT a.id, a.headline, a.standfirst, a.body, a.dateline_place, a.published_at, s.slug AS section_slug
            FROM article a JOIN section s ON s.id = a.section_id
            """;

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The article as the index should hold it, or empty if it is not (or no longer) published. */
    Optional<IndexedArticle> findPublished(long articleId) {
        return jdbc.sql(ARTICLE + "WHERE a.id = :id AND a.status = 'published' AND a.published_at IS NOT NULL")
                .param("id", articleId)
                .query((rs, n) -> row(rs))
                .optional()
                .map(row -> row.toArticle(tagsOf(List.of(row.id())).getOrDefault(row.id(), List.of())));
    }

    /** A batch of published articles in id order, for rebuilding: those with an id above {@code afterId}. */
    List<IndexedArticle> publishedAfter(long afterId, int limit) {
        List<Row> rows = jdbc.sql(ARTICLE + """
                        WHERE a.id > :after AND a.status = 'published' AND a.published_at IS NOT NULL
                        ORDER BY a.id LIMIT :limit""")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
        Map<Long, List<String>> tags = tagsOf(rows.stream().map(Row::id).toList());
        List<IndexedArticle> articles = new ArrayList<>(rows.size());
        for (Row row : rows) {
            articles.add(row.toArticle(tags.getOrDefault(row.id(), List.of())));
        }
        return articles;
    }

    int countPublished() {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE status = 'published' AND published_at IS NOT NULL")
                .query(Integer.class).single();
    }

    /** Articles named in the change log at or after {@code since}: what a restarted node must look at again. */
    List<Long> changedSince(Instant since) {
        return jdbc.sql("""
                        SELECT DISTINCT article_id FROM change_log
                        WHERE created_at >= :since AND article_id IS NOT NULL""")
                .param("since", since.toEpochMilli())
                .query(Long.class)
                .list();
    }

    private Map<Long, List<String>> tagsOf(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        record Tagged(long articleId, String name) {
        }
        return jdbc.sql("""
                        SELECT at.article_id, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id IN (:ids) ORDER BY at.article_id, at.position""")
                .param("ids", articleIds)
                .query((rs, n) -> new Tagged(rs.getLong("article_id"), rs.getString("name")))
                .list().stream()
                .collect(Collectors.groupingBy(Tagged::articleId,
                        Collectors.mapping(Tagged::name, Collectors.toList())));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("section_slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body"), rs.getString("dateline_place"),
                Instant.ofEpochMilli(rs.getLong("published_at")));
    }

    private record Row(long id, String sectionSlug, String headline, String standfirst, String markdown,
            String place, Instant publishedAt) {

        IndexedArticle toArticle(List<String> tags) {
            return new IndexedArticle(id, sectionSlug, headline, standfirst, PlainText.of(markdown), place,
                    List.copyOf(tags), publishedAt);
        }
    }
}
