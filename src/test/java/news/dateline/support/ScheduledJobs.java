package news.dateline.support;

import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Runs one of the site's timed jobs now, on the test's thread, instead of waiting for its timer: the job the
 * scheduler itself would run (the registered task's runnable), found by the name Spring gives it,
 * {@code <class>.<method>}. With a {@link MovableClock} moved on, a journey sees at once what the next round would
 * do, and the journey no longer waits for the round; that the timer is registered at all is asserted here too.
 */
public final class ScheduledJobs {

    private ScheduledJobs() {
    }

    /** Runs the job, for example {@code "news.dateline.story.ScheduledPublisher.publishDue"}, once. */
    public static void runNow(RunningSite site, String job) {
        site.bean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                .map(ScheduledTask::getTask)
                .filter(task -> task.toString().equals(job))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No timed job " + job + " is registered"))
                .getRunnable().run();
    }
}
