package news.dateline.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment as the page shows it: plain text split into paragraphs (blank lines) and lines, with http(s) URLs
 * turned into links. It is data, not HTML: the template escapes every piece, so nothing a commenter types can
 * become markup, and only http(s) addresses ever reach an {@code href}.
 */
public record CommentText(List<Paragraph> paragraphs) {

    public record Paragraph(List<Line> lines) {
    }

    public record Line(boolean first, List<Segment> segments) {
    }

    /** Plain text when {@code href} is null, otherwise a link whose visible text is the address. */
    public record Segment(String text, String href) {

        public boolean isLink() {
            return href != null;
        }
    }

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f]*\\n\\s*");
    private static final Pattern URL = Pattern.compile("(?i)(?<![\\w/.@-])https?://[^\\s<>\"'`{}|\\\\^]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?*";

    static CommentText of(String body) {
        String text = body.replace("\r\n", "\n").replace('\r', '\n').strip();
        List<Paragraph> paragraphs = new ArrayList<>();
        if (text.isEmpty()) {
            return new CommentText(paragraphs);
        }
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
            List<Line> lines = new ArrayList<>();
            for (String line : paragraph.split("\n", -1)) {
                lines.add(new Line(lines.isEmpty(), segments(line)));
            }
            paragraphs.add(new Paragraph(lines));
        }
        return new CommentText(paragraphs);
    }

    /** How many links the text would show: the spam rules hold comments with many. */
    static int linkCount(String body) {
        int count = 0;
        Matcher matcher = URL.matcher(body);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static List<Segment> segments(String line) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = URL.matcher(line);
        int at = 0;
        while (matcher.find()) {
            String url = trimmed(matcher.group());
            if (url.length() <= "https://".length()) {
                continue;
            }
            if (matcher.start() > at) {
                segments.add(new Segment(line.substring(at, matcher.start()), null));
            }
            segments.add(new Segment(url, url));
            at = matcher.start() + url.length();
        }
        if (at < line.length()) {
            segments.add(new Segment(line.substring(at), null));
        }
        return segments;
    }

    /** "see https://example.com/a_(b)." links the address without the full stop, keeping balanced brackets. */
    private static String trimmed(String url) {
        String result = url;
        while (!result.isEmpty()) {
            char last = result.charAt(result.length() - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0
                    || (last == ')' && count(result, '(') < count(result, ')'))
                    || (last == ']' && count(result, '[') < count(result, ']'))) {
                result = result.substring(0, result.length() - 1);
            } else {
                break;
            }
        }
        return result;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
