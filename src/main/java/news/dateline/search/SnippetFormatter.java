package news.dateline.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Turns the highlighter's passages into a {@link Snippet}; passages cut from a longer text get an ellipsis. */
final class SnippetFormatter extends PassageFormatter {

    private static final String ELLIPSIS = "…";

    @Override
    public Snippet format(Passage[] passages, String content) {
        List<Snippet.Part> parts = new ArrayList<>();
        int previousEnd = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > previousEnd || (parts.isEmpty() && passage.getStartOffset() > 0)) {
                parts.add(new Snippet.Part(ELLIPSIS + " ", false));
            }
            int at = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(passage.getMatchStarts()[i], at);
                int end = passage.getMatchEnds()[i];
                if (end <= at) {
                    continue; // inside a match already marked (a joined word overlapping its parts)
                }
                if (start > at) {
                    parts.add(new Snippet.Part(content.substring(at, start), false));
                }
                // Matches can touch or overlap ("cost" and "costofliving"): extend the last mark instead.
                if (start == at && !parts.isEmpty() && parts.getLast().marked()) {
                    Snippet.Part last = parts.removeLast();
                    parts.add(new Snippet.Part(last.text() + content.substring(start, end), true));
                } else {
                    parts.add(new Snippet.Part(content.substring(start, end), true));
                }
                at = end;
            }
            int passageEnd = passage.getEndOffset();
            if (passageEnd > at) {
                parts.add(new Snippet.Part(content.substring(at, passageEnd), false));
            }
            previousEnd = passageEnd;
        }
        if (passages.length > 0 && previousEnd < content.length()) {
            parts.add(new Snippet.Part(" " + ELLIPSIS, false));
        }
        return new Snippet(List.copyOf(parts));
    }
}
