package news.dateline.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets, found in one pass when the text is set: after {@code .}, {@code !} or
 * {@code ?} (and any closing quotes or brackets) followed by white space, and at line breaks. The JDK's sentence
 * iterator was most of a search request's time on a large index (its {@code preceding} re-scans the text); this
 * answers {@link #following} and {@link #preceding} by binary search.
 */
final class SentenceBreaks extends BreakIterator {

    private CharacterIterator text = new StringCharacterIterator("");
    private int[] boundaries = {0};
    private int current;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        int begin = newText.getBeginIndex();
        int end = newText.getEndIndex();
        StringBuilder chars = new StringBuilder(end - begin);
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            chars.append(c);
        }
        boundaries = find(chars, begin);
        current = 0;
    }

    private static int[] find(CharSequence chars, int offset) {
        int length = chars.length();
        int[] found = new int[8];
        int count = 0;
        found[count++] = offset;
        int i = 0;
        while (i < length) {
            char c = chars.charAt(i);
            boolean ends = c == '\n' || ((c == '.' || c == '!' || c == '?') && endsSentence(chars, i + 1));
            i++;
            if (!ends) {
                continue;
            }
            while (i < length && isClosing(chars.charAt(i))) {
                i++;
            }
            while (i < length && Character.isWhitespace(chars.charAt(i))) {
                i++;
            }
            if (i < length) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = offset + i;
            }
        }
        if (count == found.length) {
            found = Arrays.copyOf(found, count + 1);
        }
        found[count++] = offset + length;
        return count > 1 && found[count - 1] == found[count - 2] ? Arrays.copyOf(found, count - 1)
                : Arrays.copyOf(found, count);
    }

    /** A full stop ends a sentence when closing marks, if any, are followed by white space or the end. */
    private static boolean endsSentence(CharSequence chars, int from) {
        int i = from;
        while (i < chars.length() && isClosing(chars.charAt(i))) {
            i++;
        }
        return i == chars.length() || Character.isWhitespace(chars.charAt(i));
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019' || c == '\u00BB';
    }

    @Override
    public int first() {
        current = 0;
        return boundaries[0];
    }

    @Override
    public int last() {
        current = boundaries.length - 1;
        return boundaries[current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        if (target < 0 || target >= boundaries.length) {
            current = target < 0 ? 0 : boundaries.length - 1;
            return DONE;
        }
        current = target;
        return boundaries[current];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        int at = Arrays.binarySearch(boundaries, offset);
        int index = at >= 0 ? at + 1 : -at - 1;
        if (index >= boundaries.length) {
            current = boundaries.length - 1;
            return DONE;
        }
        current = index;
        return boundaries[current];
    }

    @Override
    public int preceding(int offset) {
        int at = Arrays.binarySearch(boundaries, offset);
        int index = (at >= 0 ? at : -at - 1) - 1;
        if (index < 0) {
            current = 0;
            return DONE;
        }
        current = index;
        return boundaries[current];
    }

    @Override
    public int current() {
        return boundaries[current];
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }
}
