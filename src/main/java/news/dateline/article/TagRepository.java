package news.dateline.article;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TagRepository {

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tag> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM tag WHERE slug = :slug")
                .param("slug", slug)
                .query(Tag.class)
                .optional();
    }

    /** The tag with this name's slug, created if it is new. */
    long idFor(String name) {
        String slug = Slugs.of(name);
        return jdbc.sql("SELECT id FROM tag WHERE slug = :slug").param("slug", slug).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("INSERT INTO tag (slug, name) VALUES (:slug, :name) RETURNING id")
                        .param("slug", slug).param("name", name.strip())
                        .query(Long.class)
                        .single());
    }

    List<Tag> tagsOf(long articleId) {
        return jdbc.sql("""
                        SELECT t.id, t.slug, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id = :id ORDER BY at.position""")
                .param("id", articleId)
                .query(Tag.class)
                .list();
    }
}
