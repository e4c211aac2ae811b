package news.dateline.feed;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;

/**
 * Keeps count of the tasks handed to the site's task executor (WebSub pings go out on it), so that a test can wait
 * until the ones already handed over have run: after that, a ping one of them would have sent has arrived. Spring
 * Boot applies a {@link TaskDecorator} bean to the executor, which decorates a task when it is handed over.
 */
final class BackgroundTasks implements TaskDecorator {

    private final Set<CompletableFuture<Void>> unfinished = ConcurrentHashMap.newKeySet();

    @Override
    public Runnable decorate(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        unfinished.add(done);
        return () -> {
            try {
                task.run();
            } finally {
                unfinished.remove(done);
                done.complete(null);
            }
        };
    }

    /** Done once every task handed to the executor before this call has run. */
    CompletableFuture<Void> handedOverSoFar() {
        return CompletableFuture.allOf(unfinished.toArray(CompletableFuture[]::new));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        BackgroundTasks backgroundTasks() {
            return new BackgroundTasks();
        }
    }
}
