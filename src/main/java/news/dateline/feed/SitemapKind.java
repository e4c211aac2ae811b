package news.dateline.feed;

import java.util.Locale;
import java.util.Optional;

/** The sitemaps the index points at, each split into files: {@code /sitemaps/articles-1.xml}, {@code -2}… */
enum SitemapKind {
    ARTICLES, SECTIONS, TAGS, AUTHORS, PAGES;

    String fileName(int page) {
        return name().toLowerCase(Locale.ROOT) + "-" + page + ".xml";
    }

    static Optional<SitemapKind> fromName(String name) {
        for (SitemapKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
