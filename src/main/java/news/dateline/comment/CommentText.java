package news.dateline.comment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkType;

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
    /**
     * Addresses with a scheme, found by autolink (the library commonmark's autolink extension uses): it keeps
     * apostrophes, pipes and braces inside an address, balances brackets, and leaves out a sentence's full stop.
     */
    private static final LinkExtractor URLS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL)).build();
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");

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
        return (int) links(body).count();
    }

    /** Where the web addresses in {@code text} begin and end: only http(s) ever reaches an {@code href}. */
    private static Stream<int[]> links(String text) {
        return StreamSupport.stream(URLS.extractLinks(text).spliterator(), false)
                .map(span -> new int[] {span.getBeginIndex(),
                        trimmedEnd(text, span.getBeginIndex(), span.getEndIndex())})
                .filter(span -> WEB_ADDRESS.matcher(text.substring(span[0], span[1])).matches());
    }

    private static List<Segment> segments(String line) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (int[] span : links(line).toList()) {
            if (span[0] > at) {
                segments.add(new Segment(line.substring(at, span[0]), null));
            }
            String url = line.substring(span[0], span[1]);
            segments.add(new Segment(url, url));
            at = span[1];
        }
        if (at < line.length()) {
            segments.add(new Segment(line.substring(at), null));
        }
        return segments;
    }

    /**
     * Autolink leaves ASCII punctuation after an address out, but not the typographic kind: a closing “quote”, a
     * «guillemet», or a Japanese full stop with the next sentence right after it ends the address there.
     */
    private static int trimmedEnd(String text, int begin, int end) {
        for (int i = begin; i < end; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (c > 0x7f && (type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                    || type == Character.END_PUNCTUATION || type == Character.OTHER_PUNCTUATION)) {
                return i;
            }
        }
        return end;
    }
}
