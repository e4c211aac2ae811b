package news.dateline.backup;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import news.dateline.platform.DataProperties;

/**
 * pg_dump and pg_restore, found on the PATH, pointed at the database in {@code dateline.data.url} (user and
 * password from {@code dateline.data.username} and {@code .password}; the password goes in PGPASSWORD, never on
 * the command line).
 */
public final class Postgres {

    private final DataProperties data;
    private final Function<String, String> env;

    public Postgres(DataProperties data, Function<String, String> env) {
        this.data = data;
        this.env = env;
    }

    /** The tool's path, or empty when it is not on the PATH. */
    public Optional<Path> tool(String name) {
        String path = env.apply("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** libpq's form of the JDBC URL: postgresql://host:port/database, keeping sslmode. */
    public String connectionUri() {
        String url = data.url();
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Cannot read the host of " + url + " (one host, please)");
        }
        String query = "";
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                if (pair.startsWith("sslmode=")) {
                    query = "?" + pair;
                }
            }
        }
        return "postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                + query;
    }

    /** Runs the tool; returns what it printed on error if it failed, empty when it succeeded. */
    public Optional<String> run(Path tool, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.add("--no-password");
        if (!data.username().isBlank()) {
            command.add("--username=" + data.username());
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", data.password());
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return Optional.of(tool.getFileName() + " did not finish");
        }
        return process.exitValue() == 0 ? Optional.empty() : Optional.of(output.isEmpty()
                ? tool.getFileName() + " exited with " + process.exitValue() : output);
    }
}
