package news.dateline.live;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import news.dateline.platform.Moments;
import news.dateline.platform.asset.AssetUrls;
import news.dateline.story.MarkdownRenderer;
import org.springframework.stereotype.Component;

/**
 * Builds the live part of article pages, and the same entry markup for the stream: one template renders an entry
 * on the page and in a pushed update, so escaping happens on the server either way.
 */
@Component
public class LiveBlogs {

    private static final int SUMMARY_LENGTH = 140;
    /** Google's limit for a headline in structured data. */
    private static final int HEADLINE_LENGTH = 110;

    private final LiveRepository live;
    private final MarkdownRenderer markdown;
    private final Moments moments;
    private final TemplateEngine templates;
    /** In a context without the web layer (the reindex command) it answers the plain path. */
    private final AssetUrls resources;

    private final LiveProperties properties;

    LiveBlogs(LiveRepository live, MarkdownRenderer markdown, Moments moments, TemplateEngine templates,
            AssetUrls resources, LiveProperties properties) {
        this.properties = properties;
        this.live = live;
        this.markdown = markdown;
        this.moments = moments;
        this.templates = templates;
        this.resources = resources;
    }

    /** Null for an article that was never live. */
    public LiveBlog forArticle(long articleId) {
        LiveCoverage coverage = live.coverage(articleId).orElse(null);
        if (coverage == null || !coverage.everLive()) {
            return null;
        }
        return new LiveBlog(articleId, coverage.isLive(), moments.of(coverage.since()), moments.of(coverage.endedAt()),
                live.entries(articleId).stream().map(this::view).toList(), streamPath(articleId), script());
    }

    /**
     * For a published article's page unless it is live now: the page was never told coverage started, and a
     * cached copy is shared by every reader who opened it, so it asks (issue 14).
     */
    public LiveProbe probe(LiveBlog blog, long articleId) {
        if (blog != null && blog.live()) {
            return null;
        }
        return new LiveProbe(statePath(articleId), script(), properties.probeInterval().toMillis());
    }

    private String script() {
        return resources.of("/assets/live.js");
    }

    static String streamPath(long articleId) {
        return "/live/" + articleId + "/events";
    }

    static String statePath(long articleId) {
        return "/live/" + articleId + "/state";
    }

    LiveEntryView view(LiveEntry entry) {
        String text = markdown.toPlainText(entry.body());
        String summary = text.codePointCount(0, text.length()) <= SUMMARY_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH)).strip() + "…";
        return new LiveEntryView(entry.id(), moments.of(entry.createdAt()), entry.editedAt() != null,
                entry.keyEvent(), markdown.toHtml(entry.body()), summary,
                markdown.headlineOf(entry.body(), HEADLINE_LENGTH));
    }

    String entryHtml(LiveEntryView entry) {
        return render("live/entry.jte", entry);
    }

    String keyEventHtml(LiveEntryView entry) {
        return render("live/key-event.jte", entry);
    }

    private String render(String template, LiveEntryView entry) {
        StringOutput output = new StringOutput();
        templates.render(template, Map.of("entry", entry), output);
        return output.toString();
    }
}
