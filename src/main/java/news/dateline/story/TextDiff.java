package news.dateline.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable diff of two texts: lines are matched first (longest common subsequence), then a changed run of lines
 * is compared word by word, so one corrected figure in a paragraph shows as that figure, not the whole paragraph.
 */
public final class TextDiff {

    /** Beyond this many cells the word-level table is not worth its memory; the run is shown as replaced. */
    private static final long MAX_CELLS = 4_000_000;
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    public enum Kind { SAME, INSERTED, DELETED }

    public record Part(Kind kind, String text) {
        public boolean inserted() {
            return kind == Kind.INSERTED;
        }

        public boolean deleted() {
            return kind == Kind.DELETED;
        }
    }

    private TextDiff() {
    }

    static List<Part> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Part> lineParts = lcs(a, b);
        List<Part> out = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Part p : lineParts) {
            switch (p.kind()) {
                case DELETED -> deleted.append(p.text());
                case INSERTED -> inserted.append(p.text());
                case SAME -> {
                    flush(out, deleted, inserted);
                    add(out, p);
                }
            }
        }
        flush(out, deleted, inserted);
        return out;
    }

    private static void flush(List<Part> out, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.isEmpty() && inserted.isEmpty()) {
            return;
        }
        for (Part p : lcs(tokens(deleted.toString()), tokens(inserted.toString()))) {
            add(out, p);
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    /** Neighbouring parts of the same kind become one, so the page shows one {@code <ins>} per change. */
    private static void add(List<Part> out, Part p) {
        if (!out.isEmpty() && out.getLast().kind() == p.kind()) {
            out.set(out.size() - 1, new Part(p.kind(), out.getLast().text() + p.text()));
        } else {
            out.add(p);
        }
    }

    private static List<Part> lcs(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            out.add(new Part(Kind.SAME, a.get(i)));
        }
        List<String> midA = a.subList(start, endA);
        List<String> midB = b.subList(start, endB);
        int n = midA.size();
        int m = midB.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            midA.forEach(t -> out.add(new Part(Kind.DELETED, t)));
            midB.forEach(t -> out.add(new Part(Kind.INSERTED, t)));
        } else {
            int[][] table = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    table[i][j] = midA.get(i).equals(midB.get(j)) ? table[i + 1][j + 1] + 1
                            : Math.max(table[i + 1][j], table[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && midA.get(i).equals(midB.get(j))) {
                    out.add(new Part(Kind.SAME, midA.get(i++)));
                    j++;
                } else if (j < m && (i == n || table[i][j + 1] >= table[i + 1][j])) {
                    out.add(new Part(Kind.INSERTED, midB.get(j++)));
                } else {
                    out.add(new Part(Kind.DELETED, midA.get(i++)));
                }
            }
        }
        for (int i = endA; i < a.size(); i++) {
            out.add(new Part(Kind.SAME, a.get(i)));
        }
        return out;
    }

    /** Lines with their line ends, so joining the parts gives back the text exactly. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
