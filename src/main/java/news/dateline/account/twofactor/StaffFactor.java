package news.dateline.account.twofactor;

/** One account on the second-factor settings page: do they have one yet? */
public record StaffFactor(long accountId, String username, String role, boolean enrolled) {
}
