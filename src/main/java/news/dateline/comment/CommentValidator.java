package news.dateline.comment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules a comment must meet before it is considered at all, each with its message beside the field. The
 * browser script (assets/comment-form.js) checks the same rules with the same messages before sending.
 */
@Component
public class CommentValidator {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_WEBSITE_LENGTH = 2000;

    /** Deliberately plain: something@domain.tld without spaces. Real delivery is never attempted. */
    static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
    /** An http(s) address with a host, and no spaces: what a browser would follow from the author's name. */
    static final Pattern WEBSITE = Pattern.compile(
            "(?i)https?://([\\p{L}\\p{N}]([\\p{L}\\p{N}.\\-]*[\\p{L}\\p{N}])?|\\[[0-9a-f:.]+])(:\\d{1,5})?([/?#]\\S*)?");

    private final CommentProperties settings;

    CommentValidator(CommentProperties settings) {
        this.settings = settings;
    }

    /** Field name → message; empty when the comment may go on to the spam rules. */
    public Map<String, String> check(CommentForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        int length = form.comment().strip().codePointCount(0, form.comment().strip().length());
        if (form.comment().isBlank()) {
            errors.put(CommentForm.COMMENT, CommentMessages.COMMENT_EMPTY);
        } else if (length > settings.maxLength()) {
            errors.put(CommentForm.COMMENT, CommentMessages.fill(CommentMessages.COMMENT_TOO_LONG, settings.maxLength(), length));
        }
        String name = form.trimmedName();
        if (name.isEmpty()) {
            errors.put(CommentForm.NAME, CommentMessages.NAME_EMPTY);
        } else if (name.codePointCount(0, name.length()) > settings.maxNameLength()) {
            errors.put(CommentForm.NAME, CommentMessages.fill(CommentMessages.NAME_TOO_LONG, settings.maxNameLength(), 0));
        }
        String email = form.trimmedEmail();
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            errors.put(CommentForm.EMAIL, CommentMessages.EMAIL_INVALID);
        }
        String website = form.trimmedWebsite();
        if (!website.isEmpty() && (website.length() > MAX_WEBSITE_LENGTH || !WEBSITE.matcher(website).matches())) {
            errors.put(CommentForm.WEBSITE, CommentMessages.WEBSITE_INVALID);
        }
        return errors;
    }
}
