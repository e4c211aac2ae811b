package news.dateline.search;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain substring search over published stories, so the search box works from the first day.
 * The Lucene index (issue "Search and Related News") replaces it with ranked, folded search.
 */
@Repository
class SearchRepository {

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchHit> find(String query, int limit) {
        String pattern = "%" + query.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        SELECT '/' || s.slug || '/' || a.slug AS path, a.headline, a.standfirst, s.name AS section_name
                        FROM article a JOIN section s ON s.id = a.section_id
                        WHERE a.status = 'published'
                          AND (LOWER(a.headline) LIKE :pattern ESCAPE '\\'
                               OR LOWER(a.standfirst) LIKE :pattern ESCAPE '\\'
                               OR LOWER(a.body) LIKE :pattern ESCAPE '\\')
                        ORDER BY CASE WHEN LOWER(a.headline) LIKE :pattern ESCAPE '\\' THEN 0 ELSE 1 END,
                                 a.published_at DESC
                        LIMIT :limit""")
                .param("pattern", pattern).param("limit", limit)
                .query(SearchHit.class)
                .list();
    }
}
