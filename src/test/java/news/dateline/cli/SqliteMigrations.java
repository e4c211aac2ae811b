package news.dateline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The versions of the migrations a SQLite site applies, read from the classpath, so the check and backup tests
 * follow each new migration instead of naming a number that the next one makes wrong.
 */
final class SqliteMigrations {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private SqliteMigrations() {
    }

    static List<Integer> versions() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            List<Resource> found = new java.util.ArrayList<>();
            found.addAll(Arrays.asList(resolver.getResources("classpath*:db/migration/common/V*__*.sql")));
            found.addAll(Arrays.asList(resolver.getResources("classpath*:db/migration/sqlite/V*__*.sql")));
            return found.stream()
                    .map(resource -> VERSION.matcher(resource.getFilename()))
                    .filter(Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1)))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int newest() {
        List<Integer> all = versions();
        return all.getLast();
    }

    static int beforeNewest() {
        List<Integer> all = versions();
        return all.get(all.size() - 2);
    }
}
