package news.dateline.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import did: counts of what was imported, what was already there, and what was skipped and why. */
public final class ImportSummary {

    static final List<String> KINDS = List.of("articles", "pages", "comments", "sections", "tags", "authors", "attachments");
    private static final int EXAMPLES = 3;

    private final Map<String, Integer> imported = new LinkedHashMap<>();
    private final Map<String, Integer> unchanged = new LinkedHashMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Integer> notes = new TreeMap<>();
    private final List<String> heldBack = new ArrayList<>();
    /** Pictures left on other sites by an import without --uploads (OutsideImages). */
    private final OutsideImages outside = new OutsideImages();
    private boolean dryRun;

    ImportSummary() {
        for (String kind : KINDS) {
            imported.put(kind, 0);
            unchanged.put(kind, 0);
        }
    }

    void imported(String kind) {
        imported.merge(kind, 1, Integer::sum);
    }

    void unchanged(String kind) {
        unchanged.merge(kind, 1, Integer::sum);
    }

    /** {@code what} names the thing ("post 12 'Hello' at line 40") so the user can find it. */
    void skipped(String reason, String what) {
        skipped.merge(reason, 1, Integer::sum);
        List<String> some = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (some.size() < EXAMPLES) {
            some.add(what);
        }
    }

    /** A post imported as a draft instead of as WordPress had it, every one named: an editor must look at each. */
    void heldBack(String what, String why) {
        heldBack.add(what + ": " + why);
    }

    /** The posts imported as drafts for an editor to check, each with why ("post 7 'Title' at line 9: …"). */
    public List<String> heldBack() {
        return List.copyOf(heldBack);
    }

    OutsideImages outsideImages() {
        return outside;
    }

    void note(String note) {
        notes.merge(note, 1, Integer::sum);
    }

    void dryRun() {
        dryRun = true;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public Map<String, Integer> imported() {
        return Map.copyOf(imported);
    }

    public Map<String, Integer> unchanged() {
        return Map.copyOf(unchanged);
    }

    /** Reason → how many items were skipped for it. */
    public Map<String, Integer> skipped() {
        return Map.copyOf(skipped);
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Conversion note → how many posts it concerned. */
    public Map<String, Integer> notes() {
        return Map.copyOf(notes);
    }

    /** The summary as the console and the upload page show it, one line each. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add((dryRun ? "Dry run, nothing written. Would import: " : "Imported: ") + counts(imported) + ".");
        if (unchanged.values().stream().anyMatch(n -> n > 0)) {
            lines.add("Already imported, left unchanged: " + counts(unchanged) + ".");
        }
        if (skipped.isEmpty()) {
            lines.add("Skipped: nothing.");
        } else {
            lines.add("Skipped " + skippedTotal() + ":");
            skipped.forEach((reason, count) -> lines.add("  " + count + " × " + reason
                    + " (e.g. " + String.join("; ", examples.get(reason)) + ")"));
        }
        if (!heldBack.isEmpty()) {
            lines.add("Imported as drafts, to be checked before publishing:");
            heldBack.forEach(post -> lines.add("  " + post));
        }
        outsideLines(lines);
        if (!notes.isEmpty()) {
            lines.add("Converted to the nearest Markdown:");
            notes.forEach((note, count) -> lines.add("  " + note + " — in " + count + (count == 1 ? " post" : " posts")));
        }
        return lines;
    }

    /** "N pictures stay on outside hosts: a.example, b.example (not local)." and those http cannot show. */
    private void outsideLines(List<String> lines) {
        Map<String, Integer> shown = outside.https();
        if (!shown.isEmpty()) {
            int n = shown.values().stream().mapToInt(Integer::intValue).sum();
            lines.add(n + (n == 1 ? " picture stays" : " pictures stay") + " on outside hosts: "
                    + String.join(", ", new TreeMap<>(shown).keySet()) + " (not local). "
                    + (dryRun ? "Their hosts would be" : "Their hosts are") + " allowed in the site settings' "
                    + "outside image hosts; import with --uploads to bring the files in.");
        }
        Map<String, Integer> hidden = outside.http();
        if (!hidden.isEmpty()) {
            int n = hidden.values().stream().mapToInt(Integer::intValue).sum();
            lines.add(n + (n == 1 ? " picture is" : " pictures are") + " on http:// hosts and will not be shown "
                    + "(an https page may not load them): " + String.join(", ", new TreeMap<>(hidden).keySet()) + ".");
        }
    }

    private static String counts(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + kind));
        return String.join(", ", parts);
    }
}
