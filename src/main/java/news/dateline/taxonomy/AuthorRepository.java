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

    public Optional<AuthorProfile> profile(long id) {
        return jdbc.sql(PROFILE + " WHERE id = :id").param("id", id).query(AuthorRepository::profile).optional();
    }

    public Optional<AuthorProfile> profileBySlug(String slug) {
        return jdbc.sql(PROFILE + " WHERE slug = :slug").param("slug", slug).query(AuthorRepository::profile)
                .optional();
    }

    /** Every author, by name, for the admins' authors screen. */
    List<AuthorProfile> profiles() {
        return jdbc.sql(PROFILE + " ORDER BY name, id").query(AuthorRepository::profile).list();
    }

    /** Empty strings are stored as NULL ("not given"), as V17 made the columns. */
    void updateProfile(long id, String name, String bio, String jobTitle, String photoUrl, String publicEmail,
            List<String> socialLinks) {
        jdbc.sql("""
                        UPDATE author SET name = :name, bio = :bio, job_title = :job, photo_url = :photo,
                               public_email = :email, social_links = :links
                        WHERE id = :id""")
                .param("name", name).param("bio", bio).param("job", orNull(jobTitle)).param("photo", orNull(photoUrl))
                .param("email", orNull(publicEmail)).param("links", orNull(String.join("\n", socialLinks)))
                .param("id", id)
                .update();
    }

    private static final String PROFILE = """
            SELECT id, slug, name, bio, job_title, photo_url, public_email, social_links FROM author""";

    private static AuthorProfile profile(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String links = rs.getString("social_links");
        return new AuthorProfile(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                text(rs.getString("bio")), text(rs.getString("job_title")), text(rs.getString("photo_url")),
                text(rs.getString("public_email")), links == null ? List.of() : ProfileRules.links(links));
    }

    private static String text(String column) {
        return column == null ? "" : column;
    }

    private static String orNull(String text) {
        return text.isBlank() ? null : text;
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
