package news.dateline.feed;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A WebSub hub on loopback that records every publish ping it receives, for the site under test to talk
 * to. One per test JVM; it answers 204 unless told to fail.
 */
final class HubStub {

    /** One ping as the hub received it: the form's {@code hub.mode} and {@code hub.url}. */
    record Ping(String mode, String url, String contentType) {
    }

    private static HubStub instance;

    private final HttpServer server;
    private final List<Ping> pings = new CopyOnWriteArrayList<>();
    /** Notified on every ping, so that waiting for one is woken by it rather than by polling. */
    private final Object arrivals = new Object();
    private volatile int status = 204;

    private HubStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hub", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String mode = null;
            String url = null;
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if (kv[0].equals("hub.mode")) {
                    mode = value;
                } else if (kv[0].equals("hub.url")) {
                    url = value;
                }
            }
            if (exchange.getRequestMethod().equals("POST")) {
                pings.add(new Ping(mode, url, exchange.getRequestHeaders().getFirst("Content-Type")));
                synchronized (arrivals) {
                    arrivals.notifyAll();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static synchronized HubStub get() {
        if (instance == null) {
            try {
                instance = new HubStub();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the hub stub on loopback", e);
            }
        }
        return instance;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hub";
    }

    void answerWith(int httpStatus) {
        this.status = httpStatus;
    }

    List<Ping> pingsFor(String topicUrl) {
        return pings.stream().filter(p -> topicUrl.equals(p.url())).toList();
    }

    /** Waits up to {@code timeout} until the hub has heard about {@code topicUrl} at least {@code times} times. */
    boolean await(String topicUrl, int times, Duration timeout) throws InterruptedException {
        return until(() -> pingsFor(topicUrl).size() >= times, timeout);
    }

    /** Waits up to {@code timeout} for pings about every one of the topics; returns those that came. */
    List<Ping> await(List<String> topicUrls, Duration timeout) throws InterruptedException {
        until(() -> topicUrls.stream().allMatch(topic -> !pingsFor(topic).isEmpty()), timeout);
        List<Ping> found = new ArrayList<>();
        topicUrls.forEach(topic -> found.addAll(pingsFor(topic)));
        return found;
    }

    /** Whether {@code condition} held by {@code timeout}; checked again on each ping that arrives meanwhile. */
    private boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (!condition.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
            return true;
        }
    }
}
