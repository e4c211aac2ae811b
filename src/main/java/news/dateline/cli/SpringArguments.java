package news.dateline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a command line into Dateline's own words and Spring Boot's: {@code --server.port=8081},
 * {@code --dateline.data.dir=/srv/dateline}, {@code --spring.profiles.active=prod} (a dotted name, with or without
 * {@code =value}) and Spring Boot's {@code --debug} and {@code --trace} go to Spring wherever they stand; everything
 * else is parsed by picocli, so a mistyped option is an error rather than a property nobody reads.
 */
record SpringArguments(List<String> own, List<String> spring) {

    private static final Pattern PROPERTY = Pattern.compile("--[A-Za-z0-9_-]+(\\.[A-Za-z0-9_\\[\\]-]+)+(=.*)?",
            Pattern.DOTALL);

    static SpringArguments split(String[] args) {
        List<String> own = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        boolean endOfOptions = false;
        for (String arg : args) {
            if (!endOfOptions && isSpring(arg)) {
                spring.add(arg);
            } else {
                endOfOptions |= arg.equals("--");
                own.add(arg);
            }
        }
        return new SpringArguments(List.copyOf(own), List.copyOf(spring));
    }

    static boolean isSpring(String arg) {
        return arg.equals("--debug") || arg.equals("--trace") || PROPERTY.matcher(arg).matches();
    }

    /** Spring's arguments with {@code extra} (from Dateline's own options) in front, so the command line wins. */
    List<String> springWith(List<String> extra) {
        List<String> all = new ArrayList<>(extra);
        all.addAll(spring);
        return all;
    }
}
