package news.dateline.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuthorRepository {

    private final JdbcClient jdbc;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Author> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, bio FROM author WHERE slug = :slug")
                .param("slug", slug)
                .query(Author.class)
                .optional();
    }

    public long insert(String slug, String name, String bio) {
        return jdbc.sql("INSERT INTO author (slug, name, bio) VALUES (:slug, :name, :bio) RETURNING id")
                .param("slug", slug).param("name", name).param("bio", bio)
                .query(Long.class)
                .single();
    }

    /** Bylines of many articles in one query, each list in byline order. */
    public Map<Long, List<Author>> bylinesOf(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        record Byline(long articleId, Author author) {
        }
        return jdbc.sql("""
                        SELECT aa.article_id, au.id, au.slug, au.name, au.bio
                        FROM article_author aa JOIN author au ON au.id = aa.author_id
                        WHERE aa.article_id IN (:ids)
                        ORDER BY aa.article_id, aa.position""")
                .param("ids", articleIds)
                .query((rs, n) -> new Byline(rs.getLong("article_id"), new Author(rs.getLong("id"),
                        rs.getString("slug"), rs.getString("name"), rs.getString("bio"))))
                .list().stream()
                .collect(Collectors.groupingBy(Byline::articleId,
                        Collectors.mapping(Byline::author, Collectors.toList())));
    }
}
