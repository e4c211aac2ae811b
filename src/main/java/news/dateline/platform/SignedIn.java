package news.dateline.platform;

import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * The staff account a request is signed in as, as the sign-in check read it from the database for this very request
 * (package account re-reads the account on every staff request). Kept as a request attribute, so the newsroom's
 * pages know the account and author ids without asking package account. Reader pages have none.
 */
public record SignedIn(long accountId, String username, Role role, Long authorId) {

    private static final String ATTRIBUTE = SignedIn.class.getName();

    public void storeIn(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<SignedIn> of(ServletRequest request) {
        return Optional.ofNullable((SignedIn) request.getAttribute(ATTRIBUTE));
    }
}
