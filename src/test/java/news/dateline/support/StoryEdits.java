package news.dateline.support;

import news.dateline.platform.ActingAccount;
import news.dateline.story.ArticleDraft;
import news.dateline.story.ArticleService;
import news.dateline.story.EditableArticle;
import news.dateline.story.EditorialRepository;
import news.dateline.story.Intent;

/**
 * What an editor does to a test's story, through the same door as the newsroom's editor ({@link ArticleService}):
 * the role check, a revision and a recorded change with every edit.
 */
public final class StoryEdits {

    private StoryEdits() {
    }

    public static void unpublish(RunningSite site, long articleId) {
        write(site, articleId, current(site, articleId).draft(), Intent.UNPUBLISH);
    }

    public static void publish(RunningSite site, long articleId) {
        write(site, articleId, current(site, articleId).draft(), Intent.PUBLISH);
    }

    /** A new address in the same section; the old one keeps answering with a redirect once it was published. */
    public static void changeSlug(RunningSite site, long articleId, String slug) {
        ArticleDraft d = current(site, articleId).draft();
        write(site, articleId, new ArticleDraft(d.sectionId(), slug, d.headline(), d.standfirst(), d.body(),
                d.datelinePlace(), d.sourceCredit(), d.authorIds(), d.tagNames()), Intent.SAVE);
    }

    /** An update of a published story: live at once, as when an editor saves it. */
    public static void changeStandfirst(RunningSite site, long articleId, String standfirst) {
        ArticleDraft d = current(site, articleId).draft();
        write(site, articleId, new ArticleDraft(d.sectionId(), d.slug(), d.headline(), standfirst, d.body(),
                d.datelinePlace(), d.sourceCredit(), d.authorIds(), d.tagNames()), Intent.SAVE);
    }

    private static EditableArticle current(RunningSite site, long articleId) {
        return site.bean(EditorialRepository.class).find(articleId).orElseThrow();
    }

    private static void write(RunningSite site, long articleId, ArticleDraft draft, Intent intent) {
        site.bean(ArticleService.class).write(articleId, draft, intent, null, null, ActingAccount.SITE);
    }
}
