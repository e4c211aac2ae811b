package news.dateline.frontcache;

import java.util.ArrayList;
import java.util.List;
import news.dateline.platform.cache.CacheTags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which cache keys a story's change must purge at once: its own pages, the listings it is on (its section, every
 * section it was moved from, its tags and authors), {@code home} and {@code feeds}. Read after commit, so a story
 * just published names its new section. Recent Articles and Related News on other stories are not named: those
 * pages refresh after their {@code s-maxage} (docs/scaling.md).
 */
@Repository
class PurgeKeys {

    private final JdbcClient jdbc;

    PurgeKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a story's change purges whatever it is on: its own pages, {@code home}, {@code feeds}. */
    static List<String> withoutDatabase(long articleId) {
        return List.of(CacheTags.article(articleId), CacheTags.HOME, CacheTags.FEEDS);
    }

    List<String> forStory(long articleId) {
        List<String> keys = new ArrayList<>(withoutDatabase(articleId));
        jdbc.sql("""
                SELECT s.slug FROM article a JOIN section s ON s.id = a.section_id WHERE a.id = :id
                UNION
                SELECT s.slug FROM article_slug_history h JOIN section s ON s.id = h.section_id WHERE h.article_id = :id
                """).param("id", articleId).query(String.class).list().forEach(slug -> keys.add(CacheTags.section(slug)));
        jdbc.sql("SELECT t.slug FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = :id")
                .param("id", articleId).query(String.class).list().forEach(slug -> keys.add(CacheTags.tag(slug)));
        jdbc.sql("SELECT u.slug FROM article_author aa JOIN author u ON u.id = aa.author_id WHERE aa.article_id = :id")
                .param("id", articleId).query(String.class).list().forEach(slug -> keys.add(CacheTags.author(slug)));
        return keys;
    }
}
