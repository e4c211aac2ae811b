package news.dateline.comment;

/**
 * A page of its own for the form: replying to one comment, or sending a comment back with what needs changing
 * (a field message, a closed article, too many comments too fast). {@code form} is null when the article no
 * longer takes comments; {@code keptText} then holds what the reader wrote so they can copy it.
 */
public record CommentFormPage(
        String headline,
        String articlePath,
        String title,
        String notice,
        boolean problem,
        CommentView replyTo,
        CommentFormView form,
        String keptText,
        String stylesheet,
        String script) {

    public String keptTextLabel() {
        return CommentMessages.CLOSED_KEPT;
    }
}
