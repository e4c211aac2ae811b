package news.dateline.account;

/**
 * What an administrator (or the command line) asks for. A blank password means "generate one";
 * {@code authorId} links an existing author profile, {@code newAuthorName} creates one; both may be absent.
 */
public record NewAccount(String username, String role, String password, Long authorId, String newAuthorName) {
}
