package news.dateline.platform;


/** The signed-in account a change is made by: its role decides what it may do, its byline what it owns. */
public record ActingAccount(long accountId, String username, Role role, Long authorId) {

    public boolean isEditor() {
        return role == Role.ADMIN || role == Role.EDITOR;
    }
}
