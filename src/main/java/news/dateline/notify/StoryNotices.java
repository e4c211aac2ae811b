package news.dateline.notify;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import news.dateline.mail.Letters;
import news.dateline.mail.Outbox;
import news.dateline.platform.SignedIn;
import news.dateline.platform.change.StoryChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the people on a story's byline, by mail, when it is published (from the editor, the API or the scheduled
 * publisher) and when a correction is added to it; not the person who did it, and not those who turned these mails
 * off in their mail settings. Like {@link ReplyNotices} it follows the change path just before the change's
 * transaction commits, so the mail exists exactly when the publication does.
 */
@Component
class StoryNotices {

    private final StoryNoticeRepository stories;
    private final Letters letters;
    private final Outbox outbox;

    StoryNotices(StoryNoticeRepository stories, Letters letters, Outbox outbox) {
        this.stories = stories;
        this.letters = letters;
        this.outbox = outbox;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void storyChanged(StoryChanged change) {
        switch (change.kind()) {
            case PUBLISHED, PUBLISHED_ON_SCHEDULE -> published(change.articleId(), actor());
            case CORRECTED -> corrected(change.articleId());
            default -> {
            }
        }
    }

    private void published(long articleId, Optional<Long> by) {
        stories.story(articleId).ifPresent(story -> {
            for (StoryNoticeRepository.Bylined person : stories.bylined(articleId)) {
                if (by.isPresent() && by.get() == person.accountId()) {
                    continue;
                }
                outbox.queue(letters.letter(person.email(), "Your story is published: “" + story.headline() + "”",
                        List.of("“" + story.headline() + "”, with your byline, is now on the site."),
                        new Letters.Action("Read it on the site", letters.link(story.path())), why(),
                        settings(), java.util.Map.of()));
            }
        });
    }

    private void corrected(long articleId) {
        Optional<StoryNoticeRepository.Correction> correction = stories.latestCorrection(articleId);
        Optional<Long> by = correction.map(StoryNoticeRepository.Correction::accountId).or(this::actor);
        stories.story(articleId).ifPresent(story -> {
            for (StoryNoticeRepository.Bylined person : stories.bylined(articleId)) {
                if (by.isPresent() && by.get() == person.accountId()) {
                    continue;
                }
                outbox.queue(letters.letter(person.email(),
                        "A correction was added to your story “" + story.headline() + "”",
                        List.of("A correction was added to “" + story.headline() + "”, which carries your byline:",
                                correction.map(c -> ReplyNotices.excerpt(c.note())).orElse("")),
                        new Letters.Action("Read it on the site", letters.link(story.path())), why(),
                        settings(), java.util.Map.of()));
            }
        });
    }

    private String why() {
        return "You get this mail because your byline is on the story.";
    }

    private Letters.Action settings() {
        return new Letters.Action("Stop mails about my stories", letters.link(NotificationSettingsController.PATH));
    }

    /** The account that made the change, when a signed-in request (or an API token) made it; empty for the site. */
    private Optional<Long> actor() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return SignedIn.of(request).map(SignedIn::accountId);
        }
        return Optional.empty();
    }
}
