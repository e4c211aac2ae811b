package news.dateline.story;

import news.dateline.platform.ActingAccount;
import news.dateline.platform.Role;

/**
 * The newsroom's roles, as WordPress has them: contributors write drafts and cannot publish; authors publish
 * their own stories; editors and admins publish and edit anyone's. A story is one's own if one started it or
 * carries its byline.
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

    /** May propose an update to a published story for review: its own writers, contributors included. */
    public static boolean canProposeUpdate(ActingAccount by, EditableArticle article) {
        return by.isEditor() || owns(by, article);
    }
}
