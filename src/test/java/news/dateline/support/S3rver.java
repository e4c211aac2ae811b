package news.dateline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for the tests: s3rver (npm, on Node), one process on a random loopback port for the
 * whole test JVM, its buckets in a temporary folder. It checks every request's SigV4 signature against its one key
 * pair, so a store that signs wrongly fails here as it would against AWS. It can be stopped and started again on
 * the same port, with the same objects, to play a store that is away for a while.
 *
 * <p>Installed by {@code .ci/run} into {@code /opt/s3rver} ({@code npm install --prefix /opt/s3rver s3rver@3.7.1});
 * {@code DATELINE_TEST_S3RVER} names another {@code s3rver} executable. Where there is none, the S3 journeys skip and
 * say so.
 */
public final class S3rver {

    /** s3rver's own key pair: the only one it takes. */
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("DATELINE_TEST_S3RVER",
            "/opt/s3rver/node_modules/.bin/s3rver"));
    private static final int PORT = freePort();
    private static Path folder;
    private static Process server;

    private S3rver() {
    }

    /** Skips the calling test class, saying why, when s3rver is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), () -> "S3 journeys skipped: no s3rver at " + EXECUTABLE
                + " (npm install --prefix /opt/s3rver s3rver@3.7.1, as .ci/run does, or set DATELINE_TEST_S3RVER)");
    }

    public static String endpoint() {
        return "http://127.0.0.1:" + PORT;
    }

    /** The site's media store in a fresh bucket of this server, path-style, with s3rver's keys. */
    public static void register(DynamicPropertyRegistry registry, String bucket) {
        registry.add("dateline.media.s3.bucket", () -> {
            start();
            try (S3Client client = client()) {
                client.createBucket(b -> b.bucket(bucket));
            }
            return bucket;
        });
        registry.add("dateline.media.s3.endpoint", S3rver::endpoint);
        registry.add("dateline.media.s3.region", () -> "us-east-1");
        registry.add("dateline.media.s3.access-key", () -> ACCESS_KEY);
        registry.add("dateline.media.s3.secret-key", () -> SECRET_KEY);
        registry.add("dateline.media.s3.path-style", () -> "true");
    }

    /** A client of our own, to look into the bucket through the S3 API as an operator would. */
    public static S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Every key in {@code bucket}, listed through the S3 API. */
    public static List<String> keys(String bucket) {
        try (S3Client client = client()) {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                    .toList();
        }
    }

    public static synchronized void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("s3rver-");
            }
            server = new ProcessBuilder(EXECUTABLE.toString(), "-d", folder.toString(), "-a", "127.0.0.1",
                    "-p", Integer.toString(PORT), "--silent", "--no-vhost-buckets")
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolveSibling(folder.getFileName() + ".log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!listening()) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3rver did not start on port " + PORT + "; see "
                            + folder.resolveSibling(folder.getFileName() + ".log"));
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start s3rver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (its objects stay in its folder for {@link #start()}). */
    public static synchronized void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            server = null;
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
