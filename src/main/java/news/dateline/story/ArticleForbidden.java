package news.dateline.story;

/** The account's role does not allow this change; nothing was written. Shown as a 403. */
public class ArticleForbidden extends RuntimeException {

    public ArticleForbidden(String reason) {
        super(reason);
    }
}
