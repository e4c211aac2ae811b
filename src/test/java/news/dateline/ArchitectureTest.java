package news.dateline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package floor plan of docs/architecture.md, checked on the compiled main classes (tests and the generated
 * templates are left out): the top-level packages under {@code news.dateline} form no cycle, none holds more than
 * 30 classes, and one uses another only where {@link #MAY_USE} says so.
 */
class ArchitectureTest {

    private static final String BASE = "news.dateline.";
    private static final int MAX_CLASSES = 30;
    /** A package allowed more than {@link #MAX_CLASSES} for the time being (none at present). */
    private static final Map<String, Integer> TEMPORARY_LIMITS = Map.of();

    private static final Set<String> THROUGH_STORY = Set.of("platform", "newsroom", "taxonomy", "account", "story");
    private static final Set<String> THROUGH_SEARCH = Set.of("platform", "newsroom", "taxonomy", "account", "story",
            "live", "comment", "search");
    private static final Set<String> THROUGH_MODERATION = plus(plus(plus(THROUGH_SEARCH, "moderation"),
            "page"), "menu");

    /**
     * Which top-level package may use which others, low to high: platform, edge (what is settled before any feature
     * sees a request; only account's security chain uses it), backup (platform only; the command line uses it), newsroom, taxonomy, account, story, then
     * live, comment and search (not each other), moderation, then interchange, site and feed (only feed uses site).
     * story does without account (platform's Role and ActingAccount are enough). The same table is in
     * docs/architecture.md.
     */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            entry("platform", Set.of()),
            entry("edge", Set.of("platform")),
            // backups, taken by the command and on a schedule by the running site
            entry("backup", Set.of("platform")),
            // the front caches' purge client, driven by the change path
            entry("frontcache", Set.of("platform")),
            entry("newsroom", Set.of("platform")),
            // the mail outbox, its worker and the newsroom's mail screen (docs/mail.md)
            entry("mail", Set.of("platform", "newsroom")),
            entry("taxonomy", Set.of("platform", "newsroom")),
            entry("account", Set.of("platform", "edge", "newsroom", "taxonomy", "mail")),
            entry("story", Set.of("platform", "newsroom", "taxonomy")),
            entry("live", THROUGH_STORY),
            // pages (About, Contact…): written with story's Markdown; the importer, site, feed and cli use them
            entry("page", Set.of("platform", "newsroom", "taxonomy", "story")),
            // the header and footer menus: items point at sections, tags and pages
            entry("menu", Set.of("platform", "newsroom", "taxonomy", "page")),
            entry("comment", THROUGH_STORY),
            entry("search", THROUGH_STORY),
            // the photo library (docs/media.md); pages get its pictures through story.photo's interfaces, not from it
            entry("media", THROUGH_STORY),
            entry("moderation", THROUGH_SEARCH),
            // the front page's choices and the breaking-news banner; site shows them
            entry("front", Set.of("platform", "newsroom", "taxonomy", "story")),
            // the site's settings (name, logo, footer, …), its icons and web manifest; site and feed show them;
            // the comment defaults: settings implements comment.policy.ChosenDefaults (comment never uses settings);
            // the logo and icon are library pictures: settings reads media's files (media never uses settings)
            entry("settings", Set.of("platform", "newsroom", "story", "comment", "media")),
            entry("interchange", THROUGH_MODERATION),
            entry("site", plus(plus(THROUGH_MODERATION, "front"), "settings")),
            entry("feed", plus(plus(THROUGH_MODERATION, "site"), "settings")),
            // the content and admin API at /api/v1 (docs/api.md): reads and writes through the features' own services
            entry("api", THROUGH_MODERATION),
            // the wire desk makes stories through story's one door, and HTML bodies Markdown through interchange's
            entry("wire", plus(THROUGH_STORY, "interchange")),
            // notification mails (docs/mail.md): replies to commenters, the held-comments digest, authors' stories
            entry("notify", plus(plus(THROUGH_STORY, "comment"), "mail")),
            // the command line starts any feature's work without a web server
            entry("cli", plus(plus(plus(THROUGH_MODERATION, "interchange"), "edge"), "backup")));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("news.dateline");
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("news.dateline.(*)..").should().beFreeOfCycles().check(main);
    }

    /** Counted as source files of top-level classes, so nested and generated classes do not count. */
    @Test
    void noPackageHoldsMoreThan30Classes() {
        Map<String, Set<String>> files = new TreeMap<>();
        for (JavaClass type : main) {
            if (type.isTopLevelClass()) {
                String file = type.getSource().flatMap(source -> source.getFileName()).orElse(type.getSimpleName());
                files.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(file);
            }
        }
        assertThat(files).as("packages found").containsKeys("news.dateline.platform", "news.dateline.site");
        Map<String, Integer> tooLarge = new TreeMap<>();
        files.forEach((pkg, sources) -> {
            if (sources.size() > TEMPORARY_LIMITS.getOrDefault(pkg, MAX_CLASSES)) {
                tooLarge.put(pkg, sources.size());
            }
        });
        assertThat(tooLarge).as("packages over %d classes", MAX_CLASSES).isEmpty();
    }

    @Test
    void packagesUseOnlyWhatTheTableAllows() {
        classes().that().resideInAPackage("news.dateline..").should(useOnlyDeclaredPackages()).check(main);
    }

    private static ArchCondition<JavaClass> useOnlyDeclaredPackages() {
        return new ArchCondition<>("use only the top-level packages that ArchitectureTest.MAY_USE allows") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String from = topLevel(type.getPackageName());
                if (from == null) {
                    return; // news.dateline itself: the application class, which starts the commands
                }
                if (!MAY_USE.containsKey(from)) {
                    events.add(SimpleConditionEvent.violated(type,
                            "package " + from + " (" + type.getName() + ") is not in ArchitectureTest.MAY_USE"));
                    return;
                }
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String to = topLevel(dependency.getTargetClass().getBaseComponentType().getPackageName());
                    if (to != null && !to.equals(from) && !MAY_USE.get(from).contains(to)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                from + " -> " + to + " is not declared: " + dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** "story" for news.dateline.story and its sub-packages; null outside them (and for news.dateline itself). */
    private static String topLevel(String packageName) {
        if (!packageName.startsWith(BASE)) {
            return null;
        }
        String rest = packageName.substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static Set<String> plus(Set<String> packages, String more) {
        Set<String> all = new TreeSet<>(packages);
        all.add(more);
        return Set.copyOf(all);
    }

    /**
     * One door per table: statements that write stories, the change log or the audit log appear in one class each,
     * so a new feature cannot write around the role check, the revision and the recorded change. Read from the sources,
     * because SQL is text the class files do not type.
     */
    @Test
    void storiesAndTheChangeLogAreWrittenFromOnePlaceEach() throws java.io.IOException {
        Map<String, String> doors = Map.of(
                "change_log", "platform/change/ChangeLog.java",
                "article", "story/ArticleWriter.java",
                "article_author", "story/ArticleWriter.java",
                "article_slug_history", "story/ArticleWriter.java",
                "audit_event", "platform/audit/AuditLog.java");
        java.util.regex.Pattern write = java.util.regex.Pattern.compile(
                "(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", java.util.regex.Pattern.CASE_INSENSITIVE);
        java.nio.file.Path root = java.nio.file.Path.of("src/main/java/news/dateline");
        Set<String> strays = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                var matcher = write.matcher(java.nio.file.Files.readString(file));
                while (matcher.find()) {
                    String door = doors.get(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
                    if (door != null && !door.equals(relative)) {
                        strays.add(relative + " writes " + matcher.group(1) + " (only " + door + " may)");
                    }
                }
            }
        }
        assertThat(strays).as("writes outside their table's one door").isEmpty();
    }
}
