package news.dateline.account;

/** The account made, and the generated password to show once (null when the person chose their own). */
public record CreatedAccount(Account account, String generatedPassword) {
}
