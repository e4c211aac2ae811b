package news.dateline.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build is: its version (META-INF/build-info.properties, written by the build) and the git commit
 * (git.properties, from git-commit-id-maven-plugin; "unknown" when built outside git). For {@code --version} and
 * the backups' manifest.
 */
public final class BuildInfo {

    public static final String UNKNOWN = "unknown";

    private BuildInfo() {
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

    /** The commit's time as git.properties has it, or null. */
    public static String commitTime() {
        return git().getProperty("git.commit.time");
    }

    private static Properties git() {
        return load("git.properties");
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource reads as no resource: the version is then "unknown"
        }
        return properties;
    }
}
