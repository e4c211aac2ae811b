package news.dateline.taxonomy;

import java.util.List;
import java.util.Optional;
import news.dateline.platform.Slugs;
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

    public List<TagSummary> summaries() {
        return jdbc.sql("""
                        SELECT t.id, t.slug, t.name,
                               (SELECT COUNT(*) FROM article_tag at WHERE at.tag_id = t.id) AS articles
                        FROM tag t ORDER BY t.name, t.id""")
                .query(TagSummary.class)
                .list();
    }

    public Optional<TagSummary> summary(long id) {
        return jdbc.sql("""
                        SELECT t.id, t.slug, t.name,
                               (SELECT COUNT(*) FROM article_tag at WHERE at.tag_id = t.id) AS articles
                        FROM tag t WHERE t.id = :id""")
                .param("id", id)
                .query(TagSummary.class)
                .optional();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM tag WHERE slug = :slug AND id <> :id")
                .param("slug", slug).param("id", exceptId).query(Long.class).single() > 0;
    }

    long insert(String slug, String name) {
        return jdbc.sql("INSERT INTO tag (slug, name) VALUES (:slug, :name) RETURNING id")
                .param("slug", slug).param("name", name).query(Long.class).single();
    }

    void update(long id, String slug, String name) {
        jdbc.sql("UPDATE tag SET slug = :slug, name = :name WHERE id = :id")
                .param("slug", slug).param("name", name).param("id", id).update();
    }

    List<Long> articleIds(long tagId) {
        return jdbc.sql("SELECT article_id FROM article_tag WHERE tag_id = :id").param("id", tagId)
                .query(Long.class).list();
    }

    /** Every article tagged {@code from} is tagged {@code into} instead (once), and {@code from} goes. */
    void merge(long from, long into) {
        jdbc.sql("""
                        INSERT INTO article_tag (article_id, tag_id, position)
                        SELECT article_id, :into, position FROM article_tag
                        WHERE tag_id = :from
                          AND article_id NOT IN (SELECT article_id FROM article_tag WHERE tag_id = :into)""")
                .param("from", from).param("into", into).update();
        jdbc.sql("DELETE FROM article_tag WHERE tag_id = :from").param("from", from).update();
        delete(from);
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM tag WHERE id = :id").param("id", id).update();
    }

    /** The tag with this name's slug, created if it is new. */
    public long idFor(String name) {
        String slug = Slugs.of(name);
        return jdbc.sql("SELECT id FROM tag WHERE slug = :slug").param("slug", slug).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("INSERT INTO tag (slug, name) VALUES (:slug, :name) RETURNING id")
                        .param("slug", slug).param("name", name.strip())
                        .query(Long.class)
                        .single());
    }

    public List<Tag> tagsOf(long articleId) {
        return jdbc.sql("""
                        SELECT t.id, t.slug, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id = :id ORDER BY at.position""")
                .param("id", articleId)
                .query(Tag.class)
                .list();
    }
}
