package news.dateline.account.twofactor;

/** One editor or administrator on the second-factor settings page: do they have one yet? */
public record StaffFactor(String username, String role, boolean enrolled) {
}
