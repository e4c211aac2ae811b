package news.dateline.story;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled stories when their time comes, whether or not anyone is reading: a timer, not a request,
 * drives it. Every few seconds ({@code dateline.newsroom.scheduler-interval}) and once at start, so stories that
 * fell due while the site was down go out as soon as it is back.
 *
 * <p>No ShedLock: each story is published by a conditional UPDATE ({@code WHERE status = 'scheduled'}), so when
 * several nodes run this at once exactly one of them publishes a given story and the others change nothing.
 */
@Component
class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ArticleService articles;

    ScheduledPublisher(ArticleService articles) {
        this.articles = articles;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStart() {
        publishDue();
    }

    @Scheduled(fixedDelayString = "${dateline.newsroom.scheduler-interval:10s}",
            initialDelayString = "${dateline.newsroom.scheduler-interval:10s}")
    void publishDue() {
        for (long id : articles.dueForPublication()) {
            try {
                if (articles.publishIfDue(id)) {
                    log.info("Published scheduled article {}", id);
                }
            } catch (RuntimeException e) {
                // One story that cannot be published must not hold back the others; it is retried next round.
                log.error("Could not publish scheduled article {}", id, e);
            }
        }
    }
}
