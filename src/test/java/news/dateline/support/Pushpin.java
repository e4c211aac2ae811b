package news.dateline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Pushpin ({@code /usr/bin/pushpin}) in front of one test node, on random loopback ports, with a config
 * and routes file of its own in a temp dir (as deploy/local-cluster.sh writes them). {@link #close} ends it.
 */
public final class Pushpin implements AutoCloseable {

    public static final Path PUSHPIN = Path.of("/usr/bin/pushpin");

    private final Process process;
    private final int httpPort;
    private final Path dir;

    private Pushpin(Process process, int httpPort, Path dir) {
        this.process = process;
        this.httpPort = httpPort;
        this.dir = dir;
    }

    public static boolean installed() {
        return Files.isExecutable(PUSHPIN);
    }

    /** Pushpin taking readers on a random port, publishes on {@code publishPort}, forwarding to {@code nodePort}. */
    public static Pushpin start(int publishPort, int nodePort) {
        try {
            Path dir = Files.createTempDirectory("dateline-pushpin-");
            Files.createDirectories(dir.resolve("run"));
            Files.createDirectories(dir.resolve("log"));
            int httpPort = FrontCache.freePort();
            Files.writeString(dir.resolve("routes"), "* 127.0.0.1:" + nodePort + "\n");
            Files.writeString(dir.resolve("pushpin.conf"), config(dir, httpPort, publishPort));
            Process process = new ProcessBuilder(PUSHPIN.toString(), "--config", dir.resolve("pushpin.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pushpin.out").toFile()).start();
            Pushpin pushpin = new Pushpin(process, httpPort, dir);
            pushpin.awaitListening(httpPort);
            pushpin.awaitListening(publishPort);
            return pushpin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same settings deploy/local-cluster.sh writes: every port and socket of its own. */
    static String config(Path dir, int httpPort, int publishPort) {
        return """
                [global]
                include={libdir}/internal.conf
                rundir=%1$s/run
                ipc_prefix=dateline-
                port_offset=0
                [runner]
                services=condure,zurl,pushpin-proxy,pushpin-handler
                http_port=%2$d
                logdir=%1$s/log
                log_level=2
                [proxy]
                routesfile=routes
                zurl_out_specs=ipc://{rundir}/{ipc_prefix}zurl-in
                zurl_out_stream_specs=ipc://{rundir}/{ipc_prefix}zurl-in-stream
                zurl_in_specs=ipc://{rundir}/{ipc_prefix}zurl-out
                sig_iss=pushpin
                sig_key=changeme
                [handler]
                push_in_spec=tcp://127.0.0.1:%4$d
                push_in_sub_specs=tcp://127.0.0.1:%5$d
                push_in_sub_connect=false
                push_in_http_addr=127.0.0.1
                push_in_http_port=%3$d
                stats_spec=ipc://{rundir}/{ipc_prefix}stats
                command_spec=tcp://127.0.0.1:%6$d
                """.formatted(dir, httpPort, publishPort, FrontCache.freePort(), FrontCache.freePort(),
                FrontCache.freePort());
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pushpin exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("pushpin did not listen on " + port + " within 30 s: " + log());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("pushpin.out"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Where readers connect. */
    public int port() {
        return httpPort;
    }

    @Override
    public void close() {
        // The runner ends the services it started when it is asked to stop.
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
