package news.dateline.cli;

import news.dateline.platform.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code dateline --version}: Dateline's version and the git commit it was built from ({@link BuildInfo}), and the
 * Java running it.
 */
public final class VersionInfo implements IVersionProvider {

    public static final String UNKNOWN = BuildInfo.UNKNOWN;

    @Override
    public String[] getVersion() {
        String commit = commit();
        String time = BuildInfo.commitTime();
        Runtime.Version java = Runtime.version();
        return new String[] {
                "Dateline " + version(),
                "commit " + commit + (time != null && !UNKNOWN.equals(commit) ? " (" + time + ")" : ""),
                "Java " + java + " (" + System.getProperty("java.vendor", "unknown vendor") + ", "
                        + System.getProperty("java.home") + ")"};
    }

    public static String version() {
        return BuildInfo.version();
    }

    public static String commit() {
        return BuildInfo.commit();
    }
}
