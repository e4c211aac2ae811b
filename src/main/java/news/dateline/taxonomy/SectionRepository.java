package news.dateline.taxonomy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SectionRepository {

    private final JdbcClient jdbc;
    /**
     * Every page's navigation lists the sections, and they change a few times a year: kept in memory, dropped
     * on a change here, and re-read every few seconds so another node's change shows up quickly.
     */
    private final Cache<Boolean, List<Section>> navigation = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Section> all() {
        return navigation.get(Boolean.TRUE, all -> jdbc
                .sql("SELECT id, slug, name, description FROM section ORDER BY position, name")
                .query(Section.class)
                .list());
    }

    public Optional<Section> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, description FROM section WHERE slug = :slug")
                .param("slug", slug)
                .query(Section.class)
                .optional();
    }

    public long insert(String slug, String name, String description, int position) {
        long id = jdbc.sql("""
                        INSERT INTO section (slug, name, description, position)
                        VALUES (:slug, :name, :description, :position) RETURNING id""")
                .param("slug", slug).param("name", name).param("description", description).param("position", position)
                .query(Long.class)
                .single();
        navigation.invalidateAll();
        return id;
    }

    /** Every section in menu order with its article count (any status), for the newsroom. */
    public List<SectionSummary> summaries() {
        return jdbc.sql("""
                        SELECT s.id, s.slug, s.name, s.description, s.position,
                               (SELECT COUNT(*) FROM article a WHERE a.section_id = s.id) AS articles
                        FROM section s ORDER BY s.position, s.name""")
                .query(SectionSummary.class)
                .list();
    }

    public Optional<SectionSummary> summary(long id) {
        return summaries().stream().filter(s -> s.id() == id).findFirst();
    }

    /** The section's current slug if {@code oldSlug} was one of its earlier ones. */
    public Optional<String> renamedFrom(String oldSlug) {
        return jdbc.sql("""
                        SELECT s.slug FROM section_slug_history h JOIN section s ON s.id = h.section_id
                        WHERE h.slug = :slug""")
                .param("slug", oldSlug)
                .query(String.class)
                .optional();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM section WHERE slug = :slug AND id <> :id")
                .param("slug", slug).param("id", exceptId).query(Long.class).single() > 0;
    }

    int nextPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM section").query(Integer.class).single();
    }

    /** Renames; an old slug is remembered so its addresses keep answering, and a slug in use again is forgotten. */
    void update(long id, String oldSlug, String slug, String name, String description, long now) {
        jdbc.sql("DELETE FROM section_slug_history WHERE slug = :slug").param("slug", slug).update();
        if (!oldSlug.equals(slug)) {
            jdbc.sql("INSERT INTO section_slug_history (slug, section_id, retired_at) VALUES (:slug, :id, :now)")
                    .param("slug", oldSlug).param("id", id).param("now", now).update();
        }
        jdbc.sql("UPDATE section SET slug = :slug, name = :name, description = :description WHERE id = :id")
                .param("slug", slug).param("name", name).param("description", description).param("id", id)
                .update();
        navigation.invalidateAll();
    }

    void forgetOldSlug(String slug) {
        jdbc.sql("DELETE FROM section_slug_history WHERE slug = :slug").param("slug", slug).update();
    }

    void setPosition(long id, int position) {
        jdbc.sql("UPDATE section SET position = :position WHERE id = :id")
                .param("position", position).param("id", id).update();
        navigation.invalidateAll();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM section WHERE id = :id").param("id", id).update();
        navigation.invalidateAll();
    }

    List<Long> articleIds(long sectionId) {
        return jdbc.sql("SELECT id FROM article WHERE section_id = :id").param("id", sectionId)
                .query(Long.class).list();
    }

    /**
     * After a rollback the list may hold what never committed, and another writer (the WordPress import) adds
     * sections with its own SQL: drop the list so the navigation reads them now.
     */
    public void forgetNavigation() {
        navigation.invalidateAll();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM section").query(Long.class).single() == 0;
    }
}
