package news.dateline.wire;

import java.util.List;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Moments;
import news.dateline.platform.Refusal;
import news.dateline.taxonomy.SectionRepository;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The wire desk for editors and admins: the queue of agency items newest first, filtered by provider, urgency and
 * subject, searched by words; an item's preview; and "Use", one POST (with the CSRF token) that makes a draft
 * story and opens it in the editor.
 */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/wire")
class WireDeskController {

    private final WireQueue queue;
    private final WireUse use;
    private final SectionRepository sections;
    private final Moments moments;
    private final news.dateline.wire.update.WireUpdates updates;
    private final news.dateline.wire.provider.ProviderSilence silence;
    private final news.dateline.story.photo.InlinePhotos photos;

    WireDeskController(WireQueue queue, WireUse use, SectionRepository sections, Moments moments,
            news.dateline.wire.update.WireUpdates updates, news.dateline.wire.provider.ProviderSilence silence,
            news.dateline.story.photo.InlinePhotos photos) {
        this.photos = photos;
        this.updates = updates;
        this.silence = silence;
        this.queue = queue;
        this.use = use;
        this.sections = sections;
        this.moments = moments;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden("Only editors and admins work the wire desk.");
        }
    }

    @GetMapping
    ModelAndView desk(@RequestParam(required = false) String provider, @RequestParam(required = false) String urgency,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String q,
            @RequestParam(required = false) String item) {
        WireQueue.Filter filter = new WireQueue.Filter(number(provider), urgencyAtMost(urgency), subject, q);
        WireDeskPage.Preview preview = null;
        Long open = number(item);
        if (open != null) {
            WireQueue.Item found = queue.find(open)
                    .orElseThrow(() -> Refusal.notFound("There is no wire item " + open + "."));
            List<WireQueue.Line> line = queue.lines(filter).stream().filter(l -> l.id() == open).toList();
            preview = new WireDeskPage.Preview(found, paragraphs(found.bodyHtml()),
                    line.isEmpty() ? null : line.getFirst().storyId());
        }
        List<WireQueue.Line> lines = queue.lines(filter);
        // Picture items show the library's thumbnail and credit; a killed one has no sizes left, so none.
        java.util.Set<Long> media = new java.util.HashSet<>();
        lines.stream().map(WireQueue.Line::mediaId).filter(java.util.Objects::nonNull).forEach(media::add);
        Long previewMedia = open == null ? null : queue.mediaOf(open).orElse(null);
        if (previewMedia != null) {
            media.add(previewMedia);
        }
        ModelAndView page = new ModelAndView("wire/desk").addObject("desk", new WireDeskPage(lines,
                filter, queue.providers(), preview, sections.all(), moments)).addObject("silent", silence.silent())
                .addObject("pictures", photos.pictures(media)).addObject("previewMedia", previewMedia);
        if (preview != null && preview.storyId() != null) {
            // The story made from the open item: the same "Wire update available" as its editor shows.
            updates.of(preview.storyId()).ifPresent(update -> page.addObject("update", update));
        }
        return page;
    }

    /** The kill log: each kill, who or what carried it out, and the time from the notice to the last withdrawal. */
    @GetMapping("/kills")
    ModelAndView kills() {
        return new ModelAndView("wire/kills").addObject("kills", queue.kills()).addObject("moments", moments);
    }

    @PostMapping("/{id}/use")
    ModelAndView use(@PathVariable long id, @RequestParam(required = false) Long section,
            @ModelAttribute(name = "staff", binding = false) Staff staff) {
        long articleId = use.use(id, section, staff.acting());
        return SeeOther.to("/newsroom/articles/" + articleId + "?done=created");
    }

    /** Agency HTML as plain paragraphs: nothing of it is rendered as markup. */
    static List<String> paragraphs(String html) {
        if (html.isBlank()) {
            return List.of();
        }
        var blocks = Jsoup.parseBodyFragment(html).body().select("p, h1, h2, h3, h4, li, blockquote, pre");
        List<String> texts = blocks.isEmpty() ? List.of(Jsoup.parseBodyFragment(html).text())
                : blocks.stream().filter(b -> b.parents().stream().noneMatch(blocks::contains))
                        .map(b -> b.text()).filter(t -> !t.isBlank()).toList();
        return texts;
    }

    private static Long number(String value) {
        return value != null && value.strip().matches("\\d{1,18}") ? Long.parseLong(value.strip()) : null;
    }

    private static Integer urgencyAtMost(String value) {
        return value != null && value.strip().matches("[1-9]") ? Integer.parseInt(value.strip()) : null;
    }
}
