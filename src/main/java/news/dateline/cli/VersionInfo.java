package news.dateline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code dateline --version}: Dateline's version (META-INF/build-info.properties, written by the build), the git
 * commit it was built from (git.properties, from git-commit-id-maven-plugin; "unknown" when built outside git) and
 * the Java running it.
 */
public final class VersionInfo implements IVersionProvider {

    public static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        String commit = commit();
        String time = git().getProperty("git.commit.time");
        Runtime.Version java = Runtime.version();
        return new String[] {
                "Dateline " + version(),
                "commit " + commit + (time != null && !UNKNOWN.equals(commit) ? " (" + time + ")" : ""),
                "Java " + java + " (" + System.getProperty("java.vendor", "unknown vendor") + ", "
                        + System.getProperty("java.home") + ")"};
    }

    /** The version the build stamped, e.g. 0.1.0-SNAPSHOT. */
    public static String version() {
        return load("META-INF/build-info.properties").getProperty("build.version", UNKNOWN);
    }

    /** The short commit id, with "-dirty" when the tree had changes; "unknown" without git.properties. */
    public static String commit() {
        Properties git = git();
        String id = git.getProperty("git.commit.id.abbrev");
        if (id == null || id.isBlank()) {
            return UNKNOWN;
        }
        return id + ("true".equals(git.getProperty("git.dirty")) ? "-dirty" : "");
    }

    private static Properties git() {
        return load("git.properties");
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource reads as no resource: the version is then "unknown"
        }
        return properties;
    }
}
