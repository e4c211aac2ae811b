package news.dateline.interchange;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar dateline.jar import wxr FILE [--dry-run] [--flatten-categories]} and
 * {@code java -jar dateline.jar export wxr FILE}: the WordPress import and export from the command line, without
 * the web server. Until the picocli CLI lands, DatelineApplication.main hands {@code import} and {@code export}
 * here. Other arguments (e.g. {@code --dateline.data.dir=...}) go to Spring.
 */
public final class WxrCommand {

    public static final String IMPORT = "import";
    public static final String EXPORT = "export";
    private static final String USAGE = """
            Usage: java -jar dateline.jar import wxr FILE [--dry-run] [--flatten-categories] [--uploads DIR]
                   java -jar dateline.jar export wxr FILE""";

    private WxrCommand() {
    }

    /** Returns the process exit code: 0 on success, 1 when the file is refused or the command is wrong. */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, System.out, System.err);
    }

    /** The same, printing to {@code out} and {@code err} (the command line's streams). */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> springArgs = new ArrayList<>();
        List<String> own = new ArrayList<>();
        boolean dryRun = false;
        boolean flatten = false;
        Path uploads = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--flatten-categories" -> flatten = true;
                case "--uploads" -> {
                    if (i + 1 >= args.length) {
                        err.println(USAGE);
                        return 1;
                    }
                    uploads = Path.of(args[++i]);
                }
                default -> (args[i].startsWith("--") ? springArgs : own).add(args[i]);
            }
        }
        if (own.size() != 2 || !"wxr".equals(own.get(0))) {
            err.println(USAGE);
            return 1;
        }
        Path file = Path.of(own.get(1));
        if (IMPORT.equals(args[0]) && !Files.isRegularFile(file)) {
            err.println("No such file: " + file);
            return 1;
        }
        if (uploads != null && !Files.isDirectory(uploads)) {
            err.println("No such folder: " + uploads + " (--uploads names a copy of wp-content/uploads)");
            return 1;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "dateline.sample-content", "false",
                "dateline.search.check-on-start", "false",
                "spring.main.lazy-initialization", "true",
                "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            return IMPORT.equals(args[0])
                    ? importFile(context.getBean(WxrImporter.class), file, new WxrImporter.Options(dryRun, flatten, true, uploads),
                            out, err)
                    : exportTo(context.getBean(WxrExporter.class), file, out);
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int importFile(WxrImporter importer, Path file, WxrImporter.Options options, PrintStream out,
            PrintStream err) throws Exception {
        ProgressBar bar = new ProgressBar(err, Files.size(file));
        long started = System.nanoTime();
        try {
            ImportSummary summary = importer.importFile(file, options, bar::update);
            bar.done();
            summary.lines().forEach(out::println);
            out.printf("Took %.1f s.%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (WxrFormatException e) {
            bar.done();
            err.println("Refused " + file + ", nothing was imported: " + e.getMessage());
            return 1;
        }
    }

    private static int exportTo(WxrExporter exporter, Path file, PrintStream stdout) throws Exception {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Path uploads = uploadsBeside(file);
        Path partialUploads = uploads.resolveSibling(uploads.getFileName() + ".partial");
        deleteTree(partialUploads);
        WxrExporter.Exported exported;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            exported = exporter.export(out, partialUploads);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        deleteTree(uploads);
        if (Files.isDirectory(partialUploads)) {
            Files.move(partialUploads, uploads);
        }
        stdout.println("Exported " + exported.articles() + " articles to " + file + " (WXR 1.2).");
        if (exported.pictures() > 0) {
            stdout.println("Exported " + exported.pictures() + " photos, their files in " + uploads
                    + " (import with --uploads " + uploads + ").");
        }
        for (String missing : exported.missingOriginals()) {
            stdout.println("Not in the photo store, so not in the folder: " + missing);
        }
        return 0;
    }

    /** Where {@code export wxr FILE} writes the library's files: {@code FILE-uploads}, beside it. */
    public static Path uploadsBeside(Path file) {
        return file.resolveSibling(file.getFileName() + "-uploads");
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
