/*
 * The reader half of bench/media.sh (not part of the test suite). Run with any JDK 21+ against a running site:
 *
 *   java bench/MediaReaderLoad.java --base http://127.0.0.1:18190 --pid 1234 --user bench --password '…' \
 *        --path /world/some-story [--rounds 3] [--seconds 10] [--uploads 10] [--connections 16]
 *
 * One 24-megapixel JPEG (6000 x 4000, gradients and noise, as MediaDerivativesBenchmark makes it) is encoded once;
 * each upload sends it with a different comment segment after the SOI marker, so every upload is a new item (a new
 * SHA-256) whose pixels, and so whose work, are the same. Each round, one after the other on the same machine:
 *   1. idle: wrk on the cached article, nothing else;
 *   2. one photo: uploaded alone, the time until its state is "ready" (every derivative stored);
 *   3. busy: 10 photos uploaded back to back while wrk runs on the same article for the same time; the round says
 *      whether the derivatives were still being made when wrk stopped (else the window was not all busy).
 * A sampler reads the server's RSS (VmRSS, VmHWM from /proc/<pid>/status) and heap (jvm_memory_used_bytes of the
 * heap pools, from /actuator/prometheus) every 200 ms. The last lines give the medians and the peaks.
 */

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

public class MediaReaderLoad {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)",
            Pattern.MULTILINE);

    private static URI base;
    private static HttpClient client;
    private static String csrf;
    private static final AtomicInteger variant = new AtomicInteger();
    private static final AtomicLong peakRssKb = new AtomicLong();
    private static final AtomicLong peakHwmKb = new AtomicLong();
    private static final AtomicLong peakHeap = new AtomicLong();
    private static volatile boolean sampling = true;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = URI.create(a.get("base"));
        long pid = Long.parseLong(a.get("pid"));
        String path = a.get("path");
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        int uploads = Integer.parseInt(a.getOrDefault("uploads", "10"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "16"));
        client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        signIn(a.get("user"), a.get("password"));
        byte[] photo = photo(6000, 4000);
        System.out.printf("media reader bench: source JPEG %.1f MB, %d rounds of %d s, %d uploads, wrk -c%d on %s%n",
                photo.length / 1048576.0, rounds, seconds, uploads, connections, path);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(pid));

        wrk(base + path, 3, connections); // warm-up: the page is cached and the JIT has seen it
        waitReady(List.of(upload(photo))); // and one photo made, so the first timed one is not the JVM's first
        long workerTicksBefore = workerTicks(pid);
        int made = 0;
        List<Double> ratios = new ArrayList<>();
        List<Long> readyMillis = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double idle = wrk(base + path, seconds, connections);

            long started = System.nanoTime();
            long one = upload(photo);
            waitReady(List.of(one));
            long millis = (System.nanoTime() - started) / 1_000_000;
            readyMillis.add(millis);

            List<Long> ids = Collections.synchronizedList(new ArrayList<>());
            Thread uploader = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < uploads; i++) {
                    try {
                        ids.add(upload(photo));
                    } catch (Exception e) {
                        System.out.println("media reader bench: upload failed: " + e);
                    }
                }
            });
            double busy = wrk(base + path, seconds, connections);
            uploader.join();
            int stillMaking = pending(ids);
            long drained = System.nanoTime();
            waitReady(ids);
            made += 1 + ids.size();
            double ratio = busy / idle;
            ratios.add(ratio);
            System.out.printf("media reader bench: round %d: idle %.0f req/s, during %d uploads %.0f req/s, ratio %.2f"
                            + " (%d of %d still being made when wrk stopped, the rest took %.1f s more);"
                            + " one photo ready in %d ms%n", round, idle, uploads, busy, ratio, stillMaking,
                    ids.size(), (System.nanoTime() - drained) / 1e9, millis);
        }
        sampling = false;
        sampler.join(1000);
        long ticks = workerTicks(pid) - workerTicksBefore;
        System.out.printf("media reader bench: the derivative workers' own CPU time: %.1f s for %d photos, %.2f s a"
                + " photo (utime + stime of the media-derivatives threads, /proc/%d/task/*/stat)%n", ticks / 100.0,
                made, ticks / 100.0 / Math.max(1, made), pid);
        System.out.printf("media reader bench: median ratio during/idle %.2f (target >= 0.8); median time to every "
                        + "derivative %d ms (target < 3000); peak heap %d MB, peak RSS %d MB (VmHWM %d MB; target"
                        + " < 512)%n", median(ratios), median(readyMillis), peakHeap.get() >> 20,
                peakRssKb.get() >> 10, peakHwmKb.get() >> 10);
    }

    private static void signIn(String user, String password) throws Exception {
        String page = client.send(get("/newsroom/login"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = client.send(post("/newsroom/login", form(Map.of("username", user,
                "password", password, "_csrf", token(page)))), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/newsroom")) {
            throw new IllegalStateException("could not sign in: " + login.statusCode());
        }
        csrf = token(client.send(get("/newsroom"), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Uploads the photo as a new item (its own comment segment: new bytes, the same pixels); answers its id. */
    private static long upload(byte[] photo) throws Exception {
        byte[] comment = ("bench " + variant.incrementAndGet() + " " + System.nanoTime())
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream file = new ByteArrayOutputStream(photo.length + 64);
        file.write(photo, 0, 2); // SOI
        file.write(0xFF);
        file.write(0xFE); // COM
        file.write((comment.length + 2) >> 8);
        file.write((comment.length + 2) & 0xFF);
        file.write(comment);
        file.write(photo, 2, photo.length - 2);
        String boundary = "----bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(photo.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", csrf)
                .header("Origin", base.toString().replaceAll("/$", "")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(answer.body());
        if (answer.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("upload answered " + answer.statusCode() + ": " + answer.body());
        }
        return Long.parseLong(id.group(1));
    }

    private static String state(long id) throws Exception {
        Matcher state = STATE.matcher(client.send(get("/api/v1/media/" + id), HttpResponse.BodyHandlers.ofString())
                .body());
        return state.find() ? state.group(1) : "unknown";
    }

    private static int pending(List<Long> ids) throws Exception {
        int n = 0;
        for (long id : List.copyOf(ids)) {
            n += state(id).equals("pending") ? 1 : 0;
        }
        return n;
    }

    private static void waitReady(List<Long> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (long id : List.copyOf(ids)) {
            String state;
            while ((state = state(id)).equals("pending")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("media " + id + " still pending after 10 minutes");
                }
                Thread.sleep(20);
            }
            if (!state.equals("ready")) {
                throw new IllegalStateException("media " + id + " is " + state);
            }
        }
    }

    /** wrk's requests per second on the address. */
    private static double wrk(String url, int seconds, int connections) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher m = REQUESTS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk said: " + out);
        }
        if (out.contains("Non-2xx")) {
            System.out.println("media reader bench: wrk saw non-2xx answers: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static void sample(long pid) {
        Path status = Path.of("/proc/" + pid + "/status");
        while (sampling) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        peakRssKb.accumulateAndGet(kb(line), Math::max);
                    } else if (line.startsWith("VmHWM:")) {
                        peakHwmKb.accumulateAndGet(kb(line), Math::max);
                    }
                }
                String metrics = client.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).body();
                Matcher heap = HEAP.matcher(metrics);
                long used = 0;
                while (heap.find()) {
                    used += (long) Double.parseDouble(heap.group(1));
                }
                peakHeap.accumulateAndGet(used, Math::max);
                Thread.sleep(200);
            } catch (Exception e) {
                return;
            }
        }
    }

    /**
     * The CPU ticks (1/100 s, USER_HZ) the server's derivative workers have used so far: utime + stime of each
     * thread named media-derivatives-N, from /proc/<pid>/task/<tid>/stat.
     */
    private static long workerTicks(long pid) throws Exception {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (!stat.substring(open + 1, close).startsWith("media-derivativ")) { // comm is cut at 15 chars
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            }
        }
        return ticks;
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static byte[] photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 80, 160), width, height, new Color(230, 190, 90)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Random random = new Random(13);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(41) - 20;
                int r = Math.clamp(((row[x] >> 16) & 0xFF) + n, 0, 255);
                int gg = Math.clamp(((row[x] >> 8) & 0xFF) + n, 0, 255);
                int b = Math.clamp((row[x] & 0xFF) + n, 0, 255);
                row[x] = (r << 16) | (gg << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static String token(String page) {
        Matcher m = CSRF_INPUT.matcher(page);
        return m.find() ? m.group(1) : "";
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.toString().replaceAll("/$", "")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
