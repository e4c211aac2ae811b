/*
 * Comment load generator for bench/comments.sh (not part of the test suite). Run with any JDK 21+:
 *
 *   java bench/CommentLoad.java --base http://127.0.0.1:18090 --paths /world/a,/politics/b \
 *        --seconds 10 --rounds 3 --warmup 5 --clients 64 --out acked.txt --probe /actuator/health
 *
 * With --probe, each round first measures the same clients against that GET (the yardstick: an uncached, trivial
 * request on the same server) and then the comments, so both see the shared machine at the same moments; each
 * round prints comments/s as a ratio to its yardstick, and the last line the medians.
 *
 * Each client is one keep-alive HTTP/1.1 connection with its own address (X-Forwarded-For) posting comments with
 * distinct email addresses and a unique marker in the text, one request at a time, as fast as the server answers.
 * The marker of every comment the server acknowledged with 303 goes to --out, so the script can check that each
 * one is in the database exactly once. Plain sockets keep the generator's own CPU use small on a 2-core machine.
 */

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CommentLoad {

    /** {@code probe}: a path to GET as the yardstick, in rounds interleaved with the comment rounds. */
    record Options(URI base, List<String> paths, int seconds, int warmup, int clients, Path out, String run,
            String probe) {
    }

    record Result(List<String> acked, long[] latenciesMicros, int count, Map<Integer, Integer> statuses,
            int errors) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Options o = new Options(URI.create(a.get("base")), List.of(a.get("paths").split(",")),
                Integer.parseInt(a.getOrDefault("seconds", "30")), Integer.parseInt(a.getOrDefault("warmup", "5")),
                Integer.parseInt(a.getOrDefault("clients", "64")), Path.of(a.get("out")),
                a.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36)), a.get("probe"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "1"));
        long pid = Long.parseLong(a.getOrDefault("pid", "0")); // the server's, to count its CPU time per request

        // A stamp is signed for one article's form: each path posts with its own, as a reader's browser would.
        Map<String, String> stamps = new HashMap<>();
        for (String path : o.paths()) {
            stamps.put(path, stampFrom(o.base(), path));
        }
        Thread.sleep(3_500); // older than the default min-fill-time, as a reader's form would be

        List<String> acked = new ArrayList<>();
        System.out.printf("warm-up: %d s, %d clients%n", o.warmup(), o.clients());
        Result warm = run(o, stamps, "w", o.warmup(), null);
        acked.addAll(warm.acked());
        if (o.probe() != null) {
            run(o, stamps, "wp", Math.max(1, o.warmup() / 2), o.probe());
        }

        // Interleaved rounds: the yardstick, then comments, then again, so both see the machine at the same moments.
        double[] rates = new double[rounds];
        double[] yardsticks = new double[rounds];
        double[] ratios = new double[rounds];
        List<long[]> commentLatencies = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int errors = 0;
        for (int r = 0; r < rounds; r++) {
            if (o.probe() != null) {
                long started = System.nanoTime();
                long cpu = cpuMillis(pid);
                Result probe = run(o, stamps, "p" + r, o.seconds(), o.probe());
                yardsticks[r] = probe.count() / ((System.nanoTime() - started) / 1e9);
                long[] pl = probe.latenciesMicros();
                Arrays.sort(pl);
                System.out.printf("round %d yardstick GET %s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, statuses %s%s%n",
                        r + 1, o.probe(), yardsticks[r], pct(pl, 50), pct(pl, 99), new TreeMap<>(probe.statuses()),
                        perRequest(pid, cpu, probe.count()));
            }
            long started = System.nanoTime();
            long cpu = cpuMillis(pid);
            Result measured = run(o, stamps, "m" + r, o.seconds(), null);
            String cpuPerComment = perRequest(pid, cpu, measured.count());
            double elapsed = (System.nanoTime() - started) / 1e9;
            acked.addAll(measured.acked());
            rates[r] = measured.acked().size() / elapsed;
            long[] l = measured.latenciesMicros();
            Arrays.sort(l);
            commentLatencies.add(l);
            measured.statuses().forEach((k, v) -> statuses.merge(k, v, Integer::sum));
            errors += measured.errors();
            ratios[r] = yardsticks[r] > 0 ? rates[r] / yardsticks[r] : 0;
            System.out.printf("round %d comments: %.0f acknowledged/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
                    + "statuses %s%s%s%n", r + 1, rates[r], pct(l, 50), pct(l, 99),
                    l.length == 0 ? 0 : l[l.length - 1] / 1000.0, new TreeMap<>(measured.statuses()), cpuPerComment,
                    yardsticks[r] > 0 ? String.format(", ratio to yardstick %.3f", ratios[r]) : "");
        }
        Files.write(o.out(), acked);
        long[] all = commentLatencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("all rounds: latency ms p50 %.2f  p90 %.2f  p99 %.2f  max %.2f; statuses %s, "
                + "connection errors %d; warm-up acknowledged %d%n", pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1000.0, statuses, errors, warm.acked().size());
        System.out.printf("RESULT comments_per_s=%.0f yardstick_per_s=%.0f ratio=%.3f p99_ms=%.2f acked_total=%d "
                + "(medians of %d rounds)%n", median(rates), median(yardsticks), median(ratios), pct(all, 99),
                acked.size(), rounds);
    }

    /** The server's user + system CPU time so far, from /proc (Linux, 100 ticks a second); 0 without a pid. */
    private static long cpuMillis(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Server CPU per request in a round: robust where throughput is not, on a machine shared with others. */
    private static String perRequest(long pid, long cpuBefore, int requests) {
        long used = cpuMillis(pid) - cpuBefore;
        return pid <= 0 || requests == 0 ? "" : String.format(", server CPU %.2f ms/request", used / (double) requests);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    /** {@code probe}: GET this path instead of posting comments. */
    private static Result run(Options o, Map<String, String> stamps, String phase, int seconds, String probe)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<String> acked = java.util.Collections.synchronizedList(new ArrayList<>());
        List<long[]> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < o.clients(); c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                int seq = 0;
                Connection connection = null;
                while (System.nanoTime() < deadline) {
                    String marker = o.run() + "-" + phase + "-" + client + "-" + seq++;
                    String path = o.paths().get((client + seq) % o.paths().size());
                    String body = form(marker, client, seq, stamps.get(path));
                    long start = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(o.base());
                        }
                        int status = probe != null ? connection.status(probe)
                                : connection.post(path + "/comments", body, "10." + (client >> 8 & 255) + "."
                                        + (client & 255) + ".7", o.base().toString());
                        long micros = (System.nanoTime() - start) / 1000;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = micros;
                        statuses.merge(status, 1, Integer::sum);
                        if (status == 303) {
                            acked.add(marker);
                        }
                        if (connection.closing) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
                latencies.add(Arrays.copyOf(mine, n));
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(acked, all, all.length, statuses, (int) errors.get());
    }

    private static String form(String marker, int client, int seq, String stamp) {
        String text = "Benchmark comment " + marker + "\n\nA reader's view, long enough to look like one: the levee "
                + "held for two days before the river found the weak seam, and the town had six hours' notice.";
        return "comment=" + enc(text) + "&author=" + enc("Reader " + client) + "&email="
                + enc("c" + client + "." + seq + "@bench.example") + "&url=&stamp=" + enc(stamp);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stampFrom(URI base, String path) throws IOException {
        try (Connection c = new Connection(base)) {
            String page = c.get(path);
            Matcher m = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"").matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("No comment form on " + path + ":\n" + page);
            }
            return m.group(1);
        }
    }

    /** One keep-alive HTTP/1.1 connection: just enough of the protocol for these requests and their answers. */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;
        private String lastBody = "";
        /** The server said it closes the connection after this answer: the next request needs a new one. */
        boolean closing;

        Connection(URI base) throws IOException {
            this.socket = new Socket(base.getHost(), base.getPort());
            this.socket.setTcpNoDelay(true);
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
            this.host = base.getHost() + ":" + base.getPort();
        }

        int post(String path, String form, String forwardedFor, String origin) throws IOException {
            byte[] body = form.getBytes(StandardCharsets.US_ASCII);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
                    + "\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        }

        int status(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read();
        }

        String get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status = read();
            if (status != 200) {
                throw new IOException("GET " + path + " answered " + status);
            }
            return lastBody;
        }

        private int read() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes((int) size));
                    line();
                }
                line();
            } else {
                body.write(in.readNBytes((int) length));
            }
            lastBody = body.toString(StandardCharsets.UTF_8);
            closing = close;
            return status;
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
