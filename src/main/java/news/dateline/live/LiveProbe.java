package news.dateline.live;

/**
 * What an article page that is not live carries so that it notices coverage starting: the small cacheable
 * state it asks for ({@code statePath}) about every {@code everyMillis}, and the script that asks.
 */
public record LiveProbe(String statePath, String script, long everyMillis) {
}
