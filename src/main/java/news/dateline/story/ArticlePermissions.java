package news.dateline.story;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Role;

/**
 * The newsroom's roles, as WordPress has them: contributors write drafts and cannot publish; authors publish
 * their own stories; editors and admins publish and edit anyone's. A story is one's own if one started it or
 * carries its byline.
 *
 * <p>Bylines: editors and admins may put anyone's. An author or contributor may add a colleague's byline only next
 * to their own, and may not take their own off a story that carries it; what is already on the story may stay.
 */
public final class ArticlePermissions {

    private ArticlePermissions() {
    }

    public static boolean owns(ActingAccount by, EditableArticle article) {
        return article.createdBy() != null && article.createdBy() == by.accountId()
                || by.authorId() != null && article.authorIds().contains(by.authorId());
    }

    /** May change the text directly (on a published story that is a live update, which also needs publishing). */
    public static boolean canEdit(ActingAccount by, EditableArticle article) {
        if (by.isEditor()) {
            return true;
        }
        if (by.role() == Role.AUTHOR) {
            return owns(by, article);
        }
        return owns(by, article) && article.status() == ArticleStatus.DRAFT;
    }

    /** May publish, schedule, unpublish, update live, correct, approve updates; {@code null} is a new story. */
    public static boolean canPublish(ActingAccount by, EditableArticle article) {
        if (by.isEditor()) {
            return true;
        }
        if (by.role() == Role.AUTHOR) {
            return article == null || owns(by, article);
        }
        return false;
    }

    static final String OWN_BYLINE_STAYS = "Your own byline stays on this story; an editor can change that.";
    static final String NOT_WITHOUT_OWN_BYLINE = "You can add a colleague's byline only next to your own.";

    /**
     * What is wrong with these bylines from this writer, if anything: {@code before} is the story's bylines now
     * (empty for a new story), {@code after} what the form asks for.
     */
    static Optional<String> bylineProblem(ActingAccount by, List<Long> before, List<Long> after) {
        if (by.isEditor()) {
            return Optional.empty();
        }
        Long own = by.authorId();
        if (own != null && before.contains(own) && !after.contains(own)) {
            return Optional.of(OWN_BYLINE_STAYS);
        }
        Set<Long> added = new HashSet<>(after);
        added.removeAll(before);
        added.remove(own);
        if (!added.isEmpty() && (own == null || !after.contains(own))) {
            return Optional.of(NOT_WITHOUT_OWN_BYLINE);
        }
        return Optional.empty();
    }

    /** May propose an update to a published story for review: its own writers, contributors included. */
    public static boolean canProposeUpdate(ActingAccount by, EditableArticle article) {
        return by.isEditor() || owns(by, article);
    }
}
