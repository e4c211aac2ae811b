package news.dateline.article;

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

    /** Another writer (the WordPress import) added sections with its own SQL: the navigation reads them now. */
    public void forgetNavigation() {
        navigation.invalidateAll();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM section").query(Long.class).single() == 0;
    }
}
