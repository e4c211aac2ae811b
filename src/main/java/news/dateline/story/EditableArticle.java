package news.dateline.story;

import java.time.Instant;
import java.util.List;
import news.dateline.platform.Slugs;

/** An article as the newsroom sees it, whatever its status, with what the write rules need to know. */
public record EditableArticle(
        long id,
        ArticleDraft draft,
        String sectionSlug,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        Instant scheduledFor,
        Instant modifiedAt,
        Long createdBy,
        Long pendingRevisionId,
        /** Why an import left this story a draft ("was password-protected in WordPress"); empty otherwise. */
        String importNote) {

    public String path() {
        return Slugs.inUrl("/" + sectionSlug + "/" + draft.slug());
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    public boolean hasPendingUpdate() {
        return pendingRevisionId != null;
    }

    List<Long> authorIds() {
        return draft.authorIds();
    }
}
