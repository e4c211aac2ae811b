package news.dateline.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The nearest of the known words to what was typed: "usr add" → "user add", "--rol" → "--role". */
final class Suggestions {

    private Suggestions() {
    }

    static Optional<String> nearest(Collection<String> typedForms, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String typed : typedForms) {
            String t = normal(typed);
            for (String candidate : known) {
                int distance = distance(t, normal(candidate));
                int allowed = Math.max(1, Math.min(3, t.length() / 3));
                if (distance <= allowed && distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Spaces, dashes and case do not count: "useradd", "user-add" and "User add" all mean "user add". */
    private static String normal(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit ("bakcup"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * "usr add", then "usr": the first two words typed and the first alone, each after the command path already
     * matched. The longer form goes first so that "usr add" is answered "user add" rather than "user".
     */
    static List<String> typedForms(String matchedPath, List<String> unmatched) {
        List<String> forms = new ArrayList<>();
        String prefix = matchedPath.isEmpty() ? "" : matchedPath + " ";
        if (unmatched.size() > 1 && !unmatched.get(1).startsWith("-")) {
            forms.add(prefix + unmatched.get(0) + " " + unmatched.get(1));
        }
        if (!unmatched.isEmpty()) {
            forms.add(prefix + unmatched.get(0));
        }
        return forms;
    }
}
