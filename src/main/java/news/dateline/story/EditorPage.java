package news.dateline.story;

import java.util.List;
import java.util.Map;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Section;

/**
 * What the editor page shows: the form as typed, the problems beside their fields, and which buttons the
 * signed-in role gets for this story in its current status.
 */
public record EditorPage(
        EditableArticle article,
        ArticleForm form,
        Map<String, String> problems,
        String notice,
        String problem,
        List<Section> sections,
        List<Author> authors,
        boolean canEdit,
        boolean canPublish,
        boolean canProposeUpdate,
        Revision pendingUpdate,
        String pendingSavedAt,
        String staleDiff,
        String previewLink,
        String publishedAt,
        String updatedAt,
        String scheduledFor,
        String script,
        /** The site's comment defaults when this account may set a story's comment settings; null otherwise. */
        CommentSettingsDesk.Settings commentDefaults,
        /** The lead photo field; null when there is no photo library. */
        news.dateline.story.photo.LeadPhotoField leadPhoto) {

    public boolean isNew() {
        return article == null;
    }

    public String action() {
        return isNew() ? "/newsroom/articles" : "/newsroom/articles/" + article.id();
    }

    public String autosaveUrl() {
        return isNew() ? "/newsroom/articles/autosave" : "/newsroom/articles/" + article.id() + "/autosave";
    }

    public String status() {
        return isNew() ? "new" : article.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Drafts (and new stories) are saved automatically; a live story changes only when someone presses a button. */
    public boolean autosaves() {
        return canEdit && (isNew() || article.status() == ArticleStatus.DRAFT);
    }

    public boolean isPublished() {
        return !isNew() && article.isPublished();
    }

    public boolean isScheduled() {
        return !isNew() && article.status() == ArticleStatus.SCHEDULED;
    }

    public boolean showsCommentSettings() {
        return commentDefaults != null;
    }

    public String error(String field) {
        return problems.get(field);
    }
}
