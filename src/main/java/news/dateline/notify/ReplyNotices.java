package news.dateline.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.mail.Letters;
import news.dateline.mail.Outbox;
import news.dateline.platform.change.CommentsChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a commenter who ticked "Notify me of replies by email" of each reply to that comment once it is public.
 * It follows the change path: every way a comment becomes public (a reader's comment published at once, a
 * moderator's approval, a restore, a staff reply) records {@link CommentsChanged} for its article, and just before
 * that transaction commits this looks for the article's public replies nobody was told of yet. The mail and the
 * note that it was sent are part of the same transaction: a rolled-back approval mails nothing, and a reply is
 * told once however often it is approved, trashed and restored. Changes replayed from other nodes come outside a
 * transaction and are left alone: the node that made the change mailed.
 */
@Component
class ReplyNotices {

    static final int EXCERPT = 400;

    private final NotifyRepository repository;
    private final UnsubscribeLinks links;
    private final Letters letters;
    private final Outbox outbox;
    private final NotifyProperties settings;
    private final Clock clock;

    ReplyNotices(NotifyRepository repository, UnsubscribeLinks links, Letters letters, Outbox outbox,
            NotifyProperties settings, Clock clock) {
        this.repository = repository;
        this.links = links;
        this.letters = letters;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void commentsChanged(CommentsChanged change) {
        Instant now = clock.instant();
        for (NotifyRepository.Reply reply : repository.untoldReplies(change.articleId(),
                now.minus(settings.replyWindow()))) {
            if (!repository.noteTold(reply.replyId(), now)) {
                continue;
            }
            // one's own answer in a thread is no news; a staff reply has no address and always is
            if (reply.parentEmailKey().isEmpty() || reply.parentEmailKey().equals(reply.replyEmailKey())) {
                continue;
            }
            outbox.queue(mail(reply));
        }
    }

    private news.dateline.mail.Mail mail(NotifyRepository.Reply reply) {
        String unsubscribe = letters.link(UnsubscribeController.PATH_PREFIX + links.tokenFor(reply.parentId()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return letters.letter(reply.parentEmail(), "A reply to your comment on “" + reply.headline() + "”",
                List.of(reply.replyAuthor() + " replied to your comment on “" + reply.headline() + "”:",
                        excerpt(reply.replyBody())),
                new Letters.Action("Read the reply", letters.link(reply.articlePath() + "#comment-" + reply.replyId())),
                "You get this mail because you asked to be told of replies when you commented.",
                new Letters.Action("Stop mails about replies", unsubscribe), headers);
    }

    /** The reply's words as the reader wrote them, cut at a word near {@value #EXCERPT} characters. */
    static String excerpt(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.length() <= EXCERPT) {
            return "“" + text + "”";
        }
        int cut = text.lastIndexOf(' ', EXCERPT);
        return "“" + text.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + " …”";
    }
}
