package news.dateline.platform;

/** The signed-in account a change is made by: its role decides what it may do, its byline what it owns. */
public record ActingAccount(long accountId, String username, Role role, Long authorId) {

    public boolean isEditor() {
        return role == Role.ADMIN || role == Role.EDITOR;
    }

    /** Contributors write drafts only; everyone else may publish (authors their own stories). */
    public boolean canPublish() {
        return role != Role.CONTRIBUTOR;
    }
}
