package news.dateline.settings;

import java.util.Optional;
import java.util.OptionalInt;
import news.dateline.comment.Moderation;

/**
 * The comment defaults an admin saved in the settings; each part null where nothing was saved (then the
 * {@code dateline.comments.*} property applies). {@code open} false: stories without their own rules take no
 * comments; {@code moderation} is open, first-time or held.
 */
record CommentChoice(Boolean open, Moderation moderation, Integer closeAfterDays) {

    static final CommentChoice NONE = new CommentChoice(null, null, null);

    Optional<Moderation> effectiveModeration() {
        if (Boolean.FALSE.equals(open)) {
            return Optional.of(Moderation.CLOSED);
        }
        return Optional.ofNullable(moderation);
    }

    OptionalInt effectiveCloseAfterDays() {
        return closeAfterDays == null ? OptionalInt.empty() : OptionalInt.of(closeAfterDays);
    }
}
