/*
 * Mixed load for bench/soak.sh (not part of the test suite). Run with any JDK 21+:
 *
 *   java bench/SoakLoad.java --base http://127.0.0.1:18096 --pid 1234 --minutes 30 --clients 16 \
 *        --paths /world/a,/politics/b --user soak --password '…'
 *
 * Each client (a virtual thread, its own address in X-Forwarded-For) loops over a mix a news site sees: cached
 * article pages (60 %), uncached pages (the comment form page, 15 %), searches (10 %) and comments (15 %). One more
 * thread signs in to the newsroom and publishes a story once a minute, which drops every cached page. At the end of
 * each minute it prints requests, errors (a status of 500 or more, a 4xx nobody asked for, or no answer), the p99
 * latency of that minute and the server's resident memory (from /proc/<pid>/status).
 */

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public class SoakLoad {

    private static final Pattern STAMP = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String[] WORDS = {"harbour", "council", "ferry", "election", "storm", "budget", "school",
            "bridge", "museum", "transit", "hospital", "river"};

    /** One minute's figures; swapped out by the reporter at the end of each minute. */
    static final class Minute {
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
    }

    private static volatile Minute current = new Minute();
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(a.get("base"));
        long pid = Long.parseLong(a.get("pid"));
        double minutes = Double.parseDouble(a.getOrDefault("minutes", "30"));
        int clients = Integer.parseInt(a.getOrDefault("clients", "16"));
        List<String> paths = Arrays.asList(a.get("paths").split(","));

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads.add(Thread.ofVirtual().start(() -> reader(base, paths, id)));
        }
        threads.add(Thread.ofVirtual().start(() -> desk(base, a.get("user"), a.get("password"))));

        System.out.println("| minute | requests | errors | p99 (ms) | RSS (MB) |");
        System.out.println("|-------:|---------:|-------:|---------:|---------:|");
        long totalErrors = 0;
        long end = System.nanoTime() + (long) (minutes * 60e9);
        int minute = 0;
        while (System.nanoTime() < end) {
            long left = end - System.nanoTime();
            Thread.sleep(Math.min(60_000, Math.max(1, left / 1_000_000)));
            Minute done = current;
            current = new Minute();
            minute++;
            long[] sorted = done.micros.stream().mapToLong(Long::longValue).sorted().toArray();
            double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
            totalErrors += done.errors.get();
            String kinds = done.errorKinds.isEmpty() ? "" : "  " + done.errorKinds.entrySet().stream()
                    .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
            System.out.printf("| %d | %d | %d | %.1f | %d |%s%n", minute, sorted.length, done.errors.get(), p99,
                    rssMegabytes(pid), kinds);
        }
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
        }
        System.out.println("errors in total: " + totalErrors);
        System.exit(totalErrors == 0 ? 0 : 1);
    }

    private static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception gone) {
            return -1;
        }
        return -1;
    }

    private static void reader(URI base, List<String> paths, int id) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(id);
        String address = "198.18." + (id / 250) + "." + (1 + id % 250);
        long n = 0;
        while (running) {
            String article = paths.get(random.nextInt(paths.size()));
            int roll = random.nextInt(100);
            try {
                if (roll < 60) {
                    timed(client, get(base, article, address), 200);
                } else if (roll < 75) {
                    timed(client, get(base, article + "/comments", address), 200);
                } else if (roll < 85) {
                    timed(client, get(base, "/search?q=" + WORDS[random.nextInt(WORDS.length)] + "+" + n, address), 200);
                } else {
                    String page = client.send(get(base, article, address), HttpResponse.BodyHandlers.ofString()).body();
                    Matcher stamp = STAMP.matcher(page);
                    String form = form(Map.of("comment", "Soak comment " + id + "-" + n + " on a long afternoon.",
                            "author", "Soak " + id, "email", "soak" + id + "-" + n + "@example.com",
                            "stamp", stamp.find() ? stamp.group(1).replace("&#46;", ".") : ""));
                    timed(client, HttpRequest.newBuilder(base.resolve(article + "/comments"))
                            .header("X-Forwarded-For", address).header("Origin", base.toString().replaceAll("/$", ""))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 303);
                }
            } catch (Exception e) {
                error("exception " + e.getClass().getSimpleName());
            }
            n++;
        }
    }

    /** Signs in once and publishes a story a minute, as a desk does on a busy day. */
    private static void desk(URI base, String user, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String address = "198.19.0.1";
        try {
            String csrf = token(client.send(get(base, "/newsroom/login", address), HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<String> login = client.send(post(base, "/newsroom/login", address,
                    form(Map.of("username", user, "password", password, "_csrf", csrf))), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/newsroom")) {
                error("desk could not sign in");
                return;
            }
            for (int story = 1; running; story++) {
                String editor = client.send(get(base, "/newsroom/articles/new", address), HttpResponse.BodyHandlers.ofString()).body();
                String body = form(Map.of("headline", "Soak desk story " + story + " " + System.nanoTime(),
                        "standfirst", "Filed during the soak.", "section", "1", "slug", "", "tags", "Soak",
                        "body", "Paragraph one.\n\nParagraph two of story " + story + ".", "dateline", "",
                        "source", "", "action", "publish", "_csrf", token(editor)));
                timed(client, post(base, "/newsroom/articles", address, body), 302);
                for (int s = 0; s < 60 && running; s++) {
                    Thread.sleep(1000);
                }
            }
        } catch (Exception e) {
            error("desk " + e.getClass().getSimpleName());
        }
    }

    private static String token(String page) {
        Matcher m = CSRF_INPUT.matcher(page);
        return m.find() ? m.group(1) : "";
    }

    private static HttpRequest get(URI base, String path, String address) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(URI base, String path, String address, String form) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static void timed(HttpClient client, HttpRequest request, int expected) {
        Minute minute = current;
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            minute.micros.add((System.nanoTime() - started) / 1000);
            if (response.statusCode() != expected) {
                error(request.method() + " " + response.statusCode());
            }
        } catch (Exception e) {
            minute.micros.add((System.nanoTime() - started) / 1000);
            error(request.method() + " " + e.getClass().getSimpleName());
        }
    }

    private static void error(String kind) {
        Minute minute = current;
        minute.errors.incrementAndGet();
        minute.errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
