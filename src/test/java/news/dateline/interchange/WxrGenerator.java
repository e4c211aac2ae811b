package news.dateline.interchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic WordPress export: {@code posts} posts in 20 categories (some nested) with tags, classic
 * and block content, and {@code commentsPerPost} comments each, every third one a reply. Used by the import
 * benchmark (bench/wxr-import.sh) and by tests that need a file of their own.
 * <p>{@code java -cp target/test-classes news.dateline.interchange.WxrGenerator FILE POSTS COMMENTS_PER_POST [SEED]}
 */
public final class WxrGenerator {

    private final String site;
    private final Random random;
    private final String topic;

    WxrGenerator(String site, long seed) {
        this(site, seed, "gen-topic-");
    }

    /** {@code topic} prefixes the category slugs, so a test can have categories no other import has made. */
    WxrGenerator(String site, long seed, String topic) {
        this.site = site;
        this.random = new Random(seed);
        this.topic = topic;
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int posts = Integer.parseInt(args[1]);
        int comments = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        new WxrGenerator("https://bench.example.org", seed).write(file, posts, comments);
        System.out.println("Wrote " + posts + " posts and " + (long) posts * comments + " comments to " + file
                + " (" + Files.size(file) / 1_000_000 + " MB).");
    }

    void write(Path file, int posts, int commentsPerPost) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                         xmlns:content="http://purl.org/rss/1.0/modules/content/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    <title>Generated</title>
                    <wp:wxr_version>1.2</wp:wxr_version>
                    <wp:author><wp:author_login>reporter</wp:author_login><wp:author_display_name><![CDATA[A Reporter]]></wp:author_display_name></wp:author>
                    """);
            for (int c = 0; c < 20; c++) {
                out.write("<wp:category><wp:term_id>" + (c + 1) + "</wp:term_id><wp:category_nicename>" + topic + c
                        + "</wp:category_nicename><wp:category_parent>" + (c >= 15 ? topic + (c - 15) : "")
                        + "</wp:category_parent><wp:cat_name><![CDATA[Topic " + c + "]]></wp:cat_name></wp:category>\n");
            }
            long commentId = 1;
            for (int p = 1; p <= posts; p++) {
                String name = "generated-story-" + p;
                String date = String.format("20%02d-%02d-%02d %02d:%02d:00", 10 + p % 14, 1 + p % 12, 1 + p % 28,
                        p % 24, p % 60);
                out.write("<item>\n<title>Generated story " + p + " &amp; more</title>\n"
                        + "<link>" + site + "/?p=" + p + "</link>\n<dc:creator>reporter</dc:creator>\n"
                        + "<guid isPermaLink=\"false\">" + site + "/?p=" + p + "</guid>\n"
                        + "<content:encoded><![CDATA[" + content(p) + "]]></content:encoded>\n"
                        + "<excerpt:encoded><![CDATA[The standfirst of story " + p + ".]]></excerpt:encoded>\n"
                        + "<wp:post_id>" + p + "</wp:post_id>\n<wp:post_date>" + date + "</wp:post_date>\n"
                        + "<wp:post_date_gmt>" + date + "</wp:post_date_gmt>\n<wp:post_name>" + name + "</wp:post_name>\n"
                        + "<wp:status>publish</wp:status>\n<wp:post_parent>0</wp:post_parent>\n"
                        + "<wp:post_type>post</wp:post_type>\n"
                        + "<category domain=\"category\" nicename=\"" + topic + p % 20 + "\"><![CDATA[Topic " + p % 20
                        + "]]></category>\n"
                        + "<category domain=\"post_tag\" nicename=\"gen-tag-" + p % 97 + "\"><![CDATA[Tag " + p % 97
                        + "]]></category>\n");
                long first = commentId;
                for (int c = 0; c < commentsPerPost; c++, commentId++) {
                    long parent = c % 3 == 2 ? commentId - 1 : 0;
                    out.write("<wp:comment><wp:comment_id>" + commentId + "</wp:comment_id>"
                            + "<wp:comment_author><![CDATA[Reader " + commentId % 500 + "]]></wp:comment_author>"
                            + "<wp:comment_author_email>reader" + commentId % 500 + "@example.org</wp:comment_author_email>"
                            + "<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>192.0.2." + c
                            + "</wp:comment_author_IP><wp:comment_date>" + date + "</wp:comment_date>"
                            + "<wp:comment_date_gmt>" + date + "</wp:comment_date_gmt>"
                            + "<wp:comment_content><![CDATA[Comment " + commentId + " on story " + p
                            + ": I think this is right.\n\nA second paragraph.]]></wp:comment_content>"
                            + "<wp:comment_approved>" + (c % 10 == 9 ? "0" : "1") + "</wp:comment_approved>"
                            + "<wp:comment_type></wp:comment_type><wp:comment_parent>" + (parent >= first ? parent : 0)
                            + "</wp:comment_parent></wp:comment>\n");
                }
                out.write("</item>\n");
            }
            out.write("</channel>\n</rss>\n");
        }
    }

    private String content(int p) {
        StringBuilder text = new StringBuilder();
        if (p % 2 == 0) {
            for (int i = 0; i < 6; i++) {
                text.append("<!-- wp:paragraph -->\n<p>Paragraph ").append(i).append(" of story ").append(p)
                        .append(" with <strong>bold</strong>, <em>emphasis</em> and a <a href=\"https://example.org/")
                        .append(random.nextInt(1000)).append("\">link</a>.</p>\n<!-- /wp:paragraph -->\n\n");
            }
            text.append("<!-- wp:list -->\n<ul><li>One</li><li>Two</li></ul>\n<!-- /wp:list -->");
        } else {
            for (int i = 0; i < 6; i++) {
                text.append("Classic paragraph ").append(i).append(" of story ").append(p)
                        .append(", written the old way.\nWith a line break.\n\n");
            }
            text.append("<h2>A heading</h2>\n\n<blockquote>A quotation.</blockquote>");
        }
        return text.toString();
    }
}
