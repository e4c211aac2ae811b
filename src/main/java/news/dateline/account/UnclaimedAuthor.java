package news.dateline.account;

/** An author profile without an account, which a new account may take as its byline. */
public record UnclaimedAuthor(long id, String name, String slug) {
}
