package news.dateline.comment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import news.dateline.comment.CommentRepository.History;
import org.springframework.stereotype.Component;

/**
 * Decides, without any outside service, whether a valid comment is published, held for a moderator, or
 * filed as spam. Spam is never thrown away: moderators see it in the spam queue and can approve it. The
 * first matching rule wins; docs/comments.md lists them in this order.
 */
@Component
class SpamRules {

    /** What the rules decided, and why (shown to moderators). */
    record Verdict(CommentState state, String reason) {
    }

    /** An IP with this many spam comments in the last {@link #IP_MEMORY} sends spam until proven otherwise. */
    static final int SPAM_FROM_IP = 2;
    static final Duration IP_MEMORY = Duration.ofDays(30);

    private final CommentProperties settings;

    SpamRules(CommentProperties settings) {
        this.settings = settings;
    }

    /**
     * @param fillTime how long after rendering the form it was sent; empty when its signed stamp is missing
     *                 or forged
     */
    Verdict judge(CommentForm form, Moderation moderation, History history, Optional<Duration> fillTime) {
        if (!form.honeypot().isEmpty()) {
            return spam("filled in the hidden field that people never see");
        }
        Optional<String> blocked = firstWord(settings.blocklist(), form);
        if (blocked.isPresent()) {
            return spam("contains the blocklisted word \"" + blocked.get() + "\"");
        }
        boolean trusted = history.approvedByEmail() > 0;
        if (!trusted && history.spamByEmail() > 0) {
            return spam("an earlier comment from this email address was spam");
        }
        if (!trusted && history.spamByIp() >= SPAM_FROM_IP) {
            return spam(history.spamByIp() + " spam comments from this address in the last 30 days");
        }
        if (fillTime.isEmpty()) {
            return held("the form's time stamp was missing or not ours");
        }
        if (fillTime.get().compareTo(settings.minFillTime()) < 0) {
            return held("sent " + fillTime.get().toMillis() + " ms after the form was shown");
        }
        int links = CommentText.linkCount(form.comment());
        if (links > settings.maxLinks()) {
            return held(links + " links (more than " + settings.maxLinks() + ")");
        }
        Optional<String> watched = firstWord(settings.moderationWords(), form);
        if (watched.isPresent()) {
            return held("contains the moderation word \"" + watched.get() + "\"");
        }
        return switch (moderation) {
            case HELD -> held("this article holds every comment for approval");
            case FIRST_TIME -> trusted ? approved() : held("first comment from this email address");
            case OPEN, CLOSED -> approved();
        };
    }

    /** Words match case-insensitively anywhere in the comment, name, email or website. */
    private static Optional<String> firstWord(List<String> words, CommentForm form) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String haystack = Stream.of(form.comment(), form.name(), form.email(), form.website())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .reduce("", (a, b) -> a + "\n" + b);
        return words.stream().filter(haystack::contains).findFirst();
    }

    private static Verdict spam(String reason) {
        return new Verdict(CommentState.SPAM, reason);
    }

    private static Verdict held(String reason) {
        return new Verdict(CommentState.PENDING, reason);
    }

    private static Verdict approved() {
        return new Verdict(CommentState.APPROVED, "");
    }
}
