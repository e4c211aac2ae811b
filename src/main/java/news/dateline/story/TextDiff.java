package news.dateline.story;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable diff of two texts: lines are matched first (Myers's diff, from java-diff-utils), then a changed run of
 * lines is compared word by word, so one corrected figure in a paragraph shows as that figure, not the whole
 * paragraph.
 */
public final class TextDiff {

    /** About a second of Myers's work on a slow machine; beyond it a run is shown as replaced (see diff). */
    private static final long MAX_STEPS = 200_000_000;
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

    public static List<Part> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Part> lineParts = diff(a, b);
        List<Part> out = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Part p : lineParts) {
            switch (p.kind()) {
                case DELETED -> deleted.append(p.text());
                case INSERTED -> inserted.append(p.text());
                case SAME -> {
                    flush(out, deleted, inserted);
                    out.add(p);
                }
            }
        }
        flush(out, deleted, inserted);
        return coalesced(out);
    }

    private static void flush(List<Part> out, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.isEmpty() && inserted.isEmpty()) {
            return;
        }
        for (Part p : diff(tokens(deleted.toString()), tokens(inserted.toString()))) {
            out.add(p);
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    /**
     * Neighbouring parts of the same kind become one, so the page shows one {@code <del>} and one {@code <ins>} per
     * change, the old text first. A space alone between two changes joins them ("hour" → "two hours" reads as one
     * change, not "two", a space kept, then "hour" → "hours").
     */
    private static List<Part> coalesced(List<Part> parts) {
        List<Part> out = new ArrayList<>();
        StringBuilder same = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        StringBuilder gap = new StringBuilder();
        for (Part p : parts) {
            boolean changing = !deleted.isEmpty() || !inserted.isEmpty();
            if (p.kind() == Kind.SAME && changing && gap.isEmpty() && p.text().isBlank() && !p.text().contains("\n")) {
                gap.append(p.text());
            } else if (p.kind() == Kind.SAME) {
                emit(out, Kind.DELETED, deleted);
                emit(out, Kind.INSERTED, inserted);
                same.append(gap).append(p.text());
                gap.setLength(0);
            } else {
                emit(out, Kind.SAME, same);
                deleted.append(gap);
                inserted.append(gap);
                gap.setLength(0);
                (p.deleted() ? deleted : inserted).append(p.text());
            }
        }
        emit(out, Kind.DELETED, deleted);
        emit(out, Kind.INSERTED, inserted);
        emit(out, Kind.SAME, same.append(gap));
        return out;
    }

    private static void emit(List<Part> out, Kind kind, StringBuilder text) {
        if (!text.isEmpty()) {
            out.add(new Part(kind, text.toString()));
            text.setLength(0);
        }
    }

    /**
     * Myers's diff (java-diff-utils, in linear space) of two token lists, as parts in order. Its time grows with
     * the lengths times the number of edits; when even the fewest edits the two could need (tokens one side has
     * and the other lacks) make that too much, the run is shown as replaced instead.
     */
    private static List<Part> diff(List<String> a, List<String> b) {
        List<Part> out = new ArrayList<>();
        if ((long) (a.size() + b.size()) * fewestEdits(a, b) > MAX_STEPS) {
            a.forEach(t -> out.add(new Part(Kind.DELETED, t)));
            b.forEach(t -> out.add(new Part(Kind.INSERTED, t)));
            return out;
        }
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b, new MeyersDiffWithLinearSpace<String>()).getDeltas()) {
            Chunk<String> source = delta.getSource();
            for (; at < source.getPosition(); at++) {
                out.add(new Part(Kind.SAME, a.get(at)));
            }
            source.getLines().forEach(t -> out.add(new Part(Kind.DELETED, t)));
            delta.getTarget().getLines().forEach(t -> out.add(new Part(Kind.INSERTED, t)));
            at = source.getPosition() + source.getLines().size();
        }
        for (; at < a.size(); at++) {
            out.add(new Part(Kind.SAME, a.get(at)));
        }
        return out;
    }

    /** A lower bound of the edits between the lists: each token one has more often than the other is one. */
    private static long fewestEdits(List<String> a, List<String> b) {
        Map<String, Integer> balance = new HashMap<>();
        a.forEach(t -> balance.merge(t, 1, Integer::sum));
        b.forEach(t -> balance.merge(t, -1, Integer::sum));
        return balance.values().stream().mapToLong(n -> Math.abs((long) n)).sum();
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
