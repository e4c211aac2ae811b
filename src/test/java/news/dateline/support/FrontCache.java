package news.dateline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Varnish ({@code /usr/sbin/varnishd}) in front of test nodes, on a random loopback port, running the
 * shipped {@code deploy/varnish/dateline.vcl} with its "nodes" part written for these nodes (as
 * deploy/local-cluster.sh writes it). Its work directory ({@code -n}) is a temp dir; {@link #close} ends it.
 */
public final class FrontCache implements AutoCloseable {

    public static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    private static final String BEGIN = "# --- nodes:";
    private static final String END = "# --- end of nodes";

    private final Process process;
    private final int port;
    private final Path workDir;

    private FrontCache(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    public static boolean installed() {
        return Files.isExecutable(VARNISHD);
    }

    /** A free loopback port, for a cache whose address the nodes must know before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Varnish on {@code port} before the nodes on {@code nodePorts}. Only {@code purgers} may purge;
     * event streams go to {@code streamPort} (Pushpin), or to the nodes when it is 0.
     */
    public static FrontCache start(int port, List<Integer> nodePorts, List<String> purgers, int streamPort) {
        try {
            Path workDir = Files.createTempDirectory("dateline-varnish-");
            Path vcl = workDir.resolve("dateline.vcl");
            Files.writeString(vcl, vcl(nodePorts, purgers, streamPort));
            List<String> command = List.of(VARNISHD.toString(), "-F", "-j", "none", "-n", workDir.resolve("n").toString(),
                    "-a", "127.0.0.1:" + port, "-T", "127.0.0.1:0", "-f", vcl.toString(), "-s", "malloc,32m",
                    "-p", "vsl_space=1m");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("varnishd.log").toFile()).start();
            FrontCache cache = new FrontCache(process, port, workDir);
            cache.awaitListening();
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped VCL with its nodes part replaced. */
    static String vcl(List<Integer> nodePorts, List<String> purgers, int streamPort) throws IOException {
        String shipped = Files.readString(Path.of("deploy/varnish/dateline.vcl"));
        int begin = shipped.indexOf(BEGIN);
        int end = shipped.indexOf(END);
        if (begin < 0 || end < 0) {
            throw new IllegalStateException("deploy/varnish/dateline.vcl has lost its nodes part");
        }
        StringBuilder nodes = new StringBuilder(BEGIN + " written by the test\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodePorts.size(); i++) {
            String name = "node" + (i + 1);
            names.add(name);
            nodes.append("backend ").append(name).append(" { .host = \"127.0.0.1\"; .port = \"").append(nodePorts.get(i))
                    .append("\"; .probe = dateline_health; }\n");
        }
        if (streamPort > 0) {
            nodes.append("backend pushpin { .host = \"127.0.0.1\"; .port = \"").append(streamPort).append("\"; }\n");
        }
        nodes.append("acl purgers {\n");
        purgers.forEach(address -> nodes.append("    \"").append(address).append("\";\n"));
        nodes.append("}\nsub vcl_init {\n    new nodes = directors.round_robin();\n");
        names.forEach(name -> nodes.append("    nodes.add_backend(").append(name).append(");\n"));
        nodes.append("}\nsub dateline_stream_backend {\n")
                .append(streamPort > 0 ? "    set req.backend_hint = pushpin;\n" : "    set req.backend_hint = nodes.backend();\n")
                .append("}\n");
        return shipped.substring(0, begin) + nodes + shipped.substring(end);
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("varnishd exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("varnishd did not listen on " + port + " within 30 s: " + log());
    }

    public String log() {
        try {
            return Files.readString(workDir.resolve("varnishd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A client that asks Varnish, with the Host the nodes answer to. */
    public SiteClient site() {
        return new SiteClient(port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
