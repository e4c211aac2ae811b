package news.dateline.taxonomy;

import java.util.Map;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.TaxonomyChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may edit an author profile (admins any, everyone else only the one they write under) and its checked save,
 * recorded as {@link TaxonomyChanged} so the cached author page and the article pages showing the byline go.
 */
@Service
public class ProfileService {

    static final String NOT_YOURS = "You may edit your own author profile only.";

    private final AuthorRepository authors;
    private final ChangeLog changes;

    ProfileService(AuthorRepository authors, ChangeLog changes) {
        this.authors = authors;
        this.changes = changes;
    }

    /** The profile this account may edit; refused before saying whether another one exists. */
    public AuthorProfile editable(ActingAccount who, long authorId) {
        boolean own = who.authorId() != null && who.authorId() == authorId;
        if (who.role() != Role.ADMIN && !own) {
            throw Refusal.forbidden(NOT_YOURS);
        }
        return authors.profile(authorId)
                .orElseThrow(() -> Refusal.notFound("There is no author profile " + authorId + "."));
    }

    @Transactional
    public void save(ActingAccount who, long authorId, ProfileForm form) {
        editable(who, authorId);
        Map<String, String> problems = ProfileRules.check(form);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        authors.updateProfile(authorId, form.name().strip(), form.bio().strip(), form.jobTitle().strip(),
                form.photoUrl().strip(), form.publicEmail().strip(), ProfileRules.links(form.socialLinks()));
        changes.record(new TaxonomyChanged(TaxonomyChanged.Kind.AUTHOR_PROFILE_SAVED));
    }
}
