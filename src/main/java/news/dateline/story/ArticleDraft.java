package news.dateline.story;

import java.util.List;

/** The fields a writer edits, as one save (and one revision) holds them. Tags are names; new ones are created. */
public record ArticleDraft(
        long sectionId,
        String slug,
        String headline,
        String standfirst,
        String body,
        String datelinePlace,
        String sourceCredit,
        List<Long> authorIds,
        List<String> tagNames) {

    public ArticleDraft {
        slug = slug == null ? "" : slug.strip();
        headline = headline == null ? "" : headline.strip();
        standfirst = standfirst == null ? "" : standfirst.strip();
        body = body == null ? "" : body;
        datelinePlace = datelinePlace == null ? "" : datelinePlace.strip();
        sourceCredit = sourceCredit == null ? "" : sourceCredit.strip();
        authorIds = authorIds == null ? List.of() : authorIds.stream().distinct().toList();
        tagNames = tagNames == null ? List.of() : tagNames.stream().map(String::strip).filter(t -> !t.isEmpty())
                .distinct().toList();
    }

    ArticleDraft withSlug(String newSlug) {
        return new ArticleDraft(sectionId, newSlug, headline, standfirst, body, datelinePlace, sourceCredit,
                authorIds, tagNames);
    }
}
