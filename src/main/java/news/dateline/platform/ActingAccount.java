package news.dateline.platform;

/** The signed-in account a change is made by: its role decides what it may do, its byline what it owns. */
public record ActingAccount(long accountId, String username, Role role, Long authorId) {

    /**
     * The site itself, for changes no person makes: the sample site at first start, an import from the command
     * line. It has no account row, so nothing it writes names one.
     */
    public static final ActingAccount SITE = new ActingAccount(0, "dateline", Role.ADMIN, null);

    /**
     * The site acting for something that is not a person, under that thing's name (an agency's update applied
     * automatically): the name is what revisions and the audit log show as who saved it; no account is named.
     */
    public static ActingAccount site(String name) {
        return new ActingAccount(0, name, Role.ADMIN, null);
    }

    public boolean isSite() {
        return accountId == 0 && role == Role.ADMIN && authorId == null;
    }

    public boolean isEditor() {
        return role == Role.ADMIN || role == Role.EDITOR;
    }

    /** Contributors write drafts only; everyone else may publish (authors their own stories). */
    public boolean canPublish() {
        return role != Role.CONTRIBUTOR;
    }
}
