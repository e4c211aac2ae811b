package news.dateline.newsroom;

import news.dateline.platform.ActingAccount;
import news.dateline.platform.Role;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Who is signed in, as every newsroom page needs it: for the menu, for role checks and for each form's token.
 * {@code authorId} is the author profile the person writes under (null when they have none): "my stories".
 */
public record Staff(String username, Role role, CsrfToken csrf, String stylesheet, long accountId, Long authorId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Editors and admins publish anyone's story and moderate comments. */
    public boolean isEditor() {
        return role == Role.ADMIN || role == Role.EDITOR;
    }

    /** The same person as the write rules (platform, story, live) see them. */
    public ActingAccount acting() {
        return new ActingAccount(accountId, username, role, authorId);
    }

    /** Contributors write drafts only; everyone else may publish (authors their own stories). */
    public boolean canPublish() {
        return role != Role.CONTRIBUTOR;
    }
}
