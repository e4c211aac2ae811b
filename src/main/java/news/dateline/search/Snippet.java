package news.dateline.search;

import java.util.List;

/**
 * Text to show with the reader's words marked. It stays text: the template escapes every part and wraps
 * the marked ones in {@code <mark>}, so nothing from an article ever reaches the page unescaped.
 */
public record Snippet(List<Part> parts) {

    public record Part(String text, boolean marked) {
    }

    static Snippet plain(String text) {
        return new Snippet(text.isEmpty() ? List.of() : List.of(new Part(text, false)));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The text without marks, e.g. for a title attribute or a test. */
    public String text() {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }
}
