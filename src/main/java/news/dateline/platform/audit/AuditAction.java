package news.dateline.platform.audit;

import java.util.Optional;

/**
 * What the audit log records. The codes are what {@code audit_event.action} holds, so they never change; the labels
 * are what the newsroom's audit screen and its CSV show.
 */
public enum AuditAction {
    SIGNED_IN("sign-in", "Signed in"),
    SIGN_IN_FAILED("sign-in-failed", "Sign-in failed"),
    ACCOUNT_CREATED("account-created", "Account created"),
    ROLE_CHANGED("role-changed", "Role changed"),
    ACCOUNT_DISABLED("account-disabled", "Account disabled"),
    ACCOUNT_ENABLED("account-enabled", "Account enabled"),
    PASSWORD_SET("password-set", "Password set by an administrator"),
    STORY_PUBLISHED("story-published", "Story published"),
    STORY_UNPUBLISHED("story-unpublished", "Story unpublished"),
    STORY_SCHEDULED("story-scheduled", "Story scheduled"),
    STORY_CORRECTED("story-corrected", "Correction published"),
    /** For the wire desk's kill (branch wire), which this branch does not have yet. */
    STORY_KILLED("story-killed", "Story killed"),
    /** For deleting a story, which the newsroom cannot do yet. */
    STORY_DELETED("story-deleted", "Story deleted"),
    /** For a site settings screen, which the newsroom does not have yet. */
    SETTINGS_CHANGED("settings-changed", "Settings changed"),
    IMPORTED("imported", "WordPress import"),
    EXPORTED("exported", "WordPress export"),
    /** A story created or changed, or a live entry posted, through the admin API (publication has its own). */
    API_WRITE("api-write", "Written through the API"),
    API_TOKEN_CREATED("api-token-created", "API token created"),
    API_TOKEN_REVOKED("api-token-revoked", "API token revoked"),
    /** A staff member registered a passkey (account.passkey; its name in the detail). */
    PASSKEY_ADDED("passkey-added", "Passkey added"),
    PASSKEY_REMOVED("passkey-removed", "Passkey removed"),
    /** An administrator sent a mail that had failed for good once more (the mail screen's Retry). */
    MAIL_RETRIED("mail-retried", "Failed mail retried"),
    /** An account's email address set by an administrator, or confirmed by its owner from the mailed link. */
    EMAIL_CHANGED("email-changed", "Email address changed");

    private final String code;
    private final String label;

    AuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<AuditAction> fromCode(String code) {
        for (AuditAction action : values()) {
            if (action.code.equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
