package news.dateline.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.dateline.mail.Letters;
import news.dateline.mail.MailProperties;
import news.dateline.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderators' digest of held comments: at most every {@code dateline.notify.digest-interval} (30 minutes), and
 * only when a comment has been held since the last one, each editor and administrator with an address (who has not
 * turned it off at {@code /newsroom/notifications}) gets one mail: how many wait, the first few, a link to the
 * queue. Every node looks every {@code digest-check}; one conditional update of the digest's row, in the
 * transaction that queues the mails, decides which node sends it (docs/mail.md). With mail off (no SMTP server)
 * nobody looks: a digest in the log would tell no moderator anything.
 */
@Component
class HeldCommentsDigest {

    private static final Logger log = LoggerFactory.getLogger(HeldCommentsDigest.class);
    static final String QUEUE = "/newsroom/comments";

    private final DigestRepository digests;
    private final Letters letters;
    private final Outbox outbox;
    private final NotifyProperties settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final boolean mailOn;

    HeldCommentsDigest(DigestRepository digests, Letters letters, Outbox outbox, NotifyProperties settings,
            Clock clock, PlatformTransactionManager transactions, MailProperties mail) {
        this.mailOn = mail.smtp();
        this.digests = digests;
        this.letters = letters;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${dateline.notify.digest-check:1m}",
            initialDelayString = "${dateline.notify.digest-check:1m}")
    void look() {
        if (!mailOn) {
            return;
        }
        try {
            int sent = sendIfDue();
            if (sent > 0) {
                log.info("Queued the held-comments digest for {} moderators", sent);
            }
        } catch (RuntimeException e) {
            // a database too busy now is asked again next round; nothing was claimed
            log.warn("Could not look for a held-comments digest: {}", e.toString());
        }
    }

    /** Queues the digest if one is due and this transaction claims it; the number of mails queued. */
    int sendIfDue() {
        Integer queued = transaction.execute(status -> {
            Instant now = clock.instant();
            Optional<DigestRepository.LastDigest> last = digests.last();
            long sentAt = last.map(DigestRepository.LastDigest::sentAt).orElse(0L);
            long coveredUpTo = last.map(DigestRepository.LastDigest::lastCommentId).orElse(0L);
            if (Duration.between(Instant.ofEpochMilli(sentAt), now).compareTo(settings.digestInterval()) < 0) {
                return 0;
            }
            Optional<Long> newest = digests.newestHeld();
            if (newest.isEmpty() || newest.get() <= coveredUpTo) {
                return 0; // nothing held since the last digest
            }
            if (!digests.claim(last, now, newest.get())) {
                return 0; // another node sends this one
            }
            List<String> moderators = digests.moderatorAddresses();
            long waiting = digests.heldCount();
            long fresh = digests.heldSince(coveredUpTo);
            List<DigestRepository.Held> first = digests.firstHeld(coveredUpTo, settings.digestSize());
            for (String to : moderators) {
                outbox.queue(letter(to, waiting, fresh, first));
            }
            return moderators.size();
        });
        return queued == null ? 0 : queued;
    }

    private news.dateline.mail.Mail letter(String to, long waiting, long fresh, List<DigestRepository.Held> first) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(comments(waiting) + " waiting for moderation, " + fresh + " of them new since the last digest"
                + (fresh > first.size() ? "; the first " + first.size() + ":" : ":"));
        for (DigestRepository.Held held : first) {
            paragraphs.add(held.authorName() + " on “" + held.headline() + "”: " + ReplyNotices.excerpt(held.body()));
        }
        String subject = comments(waiting) + (waiting == 1 ? " is" : " are") + " waiting for moderation";
        return letters.letter(to, subject.substring(0, 1).toUpperCase() + subject.substring(1), paragraphs,
                new Letters.Action("Open the comment queue", letters.link(QUEUE)),
                "You get this digest as an editor or administrator, at most every "
                        + minutes(settings.digestInterval()) + " while new comments are held.",
                new Letters.Action("Stop these digests", letters.link(NotificationSettingsController.PATH)),
                java.util.Map.of());
    }

    private static String comments(long n) {
        return n == 1 ? "1 comment" : n + " comments";
    }

    static String minutes(Duration interval) {
        long minutes = interval.toMinutes();
        return minutes == 1 ? "minute" : minutes + " minutes";
    }
}
