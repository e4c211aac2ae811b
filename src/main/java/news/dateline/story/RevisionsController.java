package news.dateline.story;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.Refusal;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every save of a story: who and when, a readable diff between any two, and restore. */
@Controller
@NewsroomScreen
class RevisionsController {

    private final ArticleService service;
    private final EditorialRepository editorial;
    private final RevisionRepository revisions;
    private final SectionRepository sections;
    private final NewsroomTimes times;

    RevisionsController(ArticleService service, EditorialRepository editorial, RevisionRepository revisions,
            SectionRepository sections, NewsroomTimes times) {
        this.service = service;
        this.editorial = editorial;
        this.revisions = revisions;
        this.sections = sections;
        this.times = times;
    }

    @GetMapping("/newsroom/articles/{id}/revisions")
    String list(@PathVariable long id, @RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
            @ModelAttribute("staff") Staff staff, Model model) {
        EditableArticle article = visibleTo(id, staff.acting());
        List<RevisionList.Row> rows = revisions.of(id).stream().map(r -> new RevisionList.Row(r, times.human(r.savedAt()))).toList();
        RevisionList.Row newer = pick(rows, to, 0);
        RevisionList.Row older = pick(rows, from, 1);
        List<RevisionList.FieldDiff> diff = newer == null || older == null ? List.of() : diff(older.revision(), newer.revision());
        model.addAttribute("revisions", new RevisionList(article, rows, older, newer, diff));
        return "story/revisions";
    }

    @PostMapping("/newsroom/articles/{id}/revisions/{revision}/restore")
    String restore(@PathVariable long id, @PathVariable long revision, @ModelAttribute("staff") Staff staff) {
        service.restore(id, revision, staff.acting());
        return "redirect:/newsroom/articles/" + id + "?done=restored";
    }

    private static RevisionList.Row pick(List<RevisionList.Row> rows, Long id, int fallbackIndex) {
        if (id != null) {
            return rows.stream().filter(r -> r.revision().id() == id).findFirst()
                    .orElseThrow(() -> Refusal.notFound("There is no revision " + id + " of this story."));
        }
        return rows.size() > fallbackIndex ? rows.get(fallbackIndex) : null;
    }

    private EditableArticle visibleTo(long id, ActingAccount by) {
        EditableArticle article = editorial.find(id).orElseThrow(() -> Refusal.notFound("There is no article " + id + "."));
        if (!ArticlePermissions.canEdit(by, article) && !ArticlePermissions.canProposeUpdate(by, article)) {
            throw Refusal.forbidden("Your role may not see the history of this story.");
        }
        return article;
    }

    private List<RevisionList.FieldDiff> diff(Revision older, Revision newer) {
        Map<Long, String> sectionNames = sections.all().stream().collect(Collectors.toMap(Section::id, Section::name));
        Map<Long, String> authorNames = editorial.allAuthors().stream()
                .collect(Collectors.toMap(Author::id, Author::name));
        ArticleDraft a = older.snapshot();
        ArticleDraft b = newer.snapshot();
        Function<ArticleDraft, String> bylines = d -> d.authorIds().stream()
                .map(i -> authorNames.getOrDefault(i, "#" + i)).collect(Collectors.joining(", "));
        return List.of(
                field("Headline", a.headline(), b.headline()),
                field("Standfirst", a.standfirst(), b.standfirst()),
                field("Section", sectionNames.getOrDefault(a.sectionId(), ""), sectionNames.getOrDefault(b.sectionId(), "")),
                field("Slug", a.slug(), b.slug()),
                field("Bylines", bylines.apply(a), bylines.apply(b)),
                field("Tags", String.join(", ", a.tagNames()), String.join(", ", b.tagNames())),
                field("Dateline", a.datelinePlace(), b.datelinePlace()),
                field("Source", a.sourceCredit(), b.sourceCredit()),
                field("Body", a.body(), b.body()));
    }

    private static RevisionList.FieldDiff field(String label, String before, String after) {
        return new RevisionList.FieldDiff(label, TextDiff.of(before, after));
    }
}
