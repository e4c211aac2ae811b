package news.dateline.article;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SectionRepository {

    private final JdbcClient jdbc;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Section> all() {
        return jdbc.sql("SELECT id, slug, name, description FROM section ORDER BY position, name")
                .query(Section.class)
                .list();
    }

    public Optional<Section> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, description FROM section WHERE slug = :slug")
                .param("slug", slug)
                .query(Section.class)
                .optional();
    }

    public long insert(String slug, String name, String description, int position) {
        return jdbc.sql("""
                        INSERT INTO section (slug, name, description, position)
                        VALUES (:slug, :name, :description, :position) RETURNING id""")
                .param("slug", slug).param("name", name).param("description", description).param("position", position)
                .query(Long.class)
                .single();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM section").query(Long.class).single() == 0;
    }
}
