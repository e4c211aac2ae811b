package news.dateline.media.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import news.dateline.media.MediaStore;
import news.dateline.platform.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The library in an S3-compatible bucket, for several nodes sharing one store: the same names as on disk
 * ({@code originals/ab/<sha256>.jpg}, {@code public/ab/<sha256>.webp}, under the configured prefix). An object
 * appears whole or not at all (S3 writes a PUT atomically), so a reader never sees half of one; two writers of the
 * same bytes write the same object. Readers' files are streamed from the bucket through {@code /media/...}, with the
 * same headers as from disk, so the bucket itself may stay private.
 *
 * <p>A store that cannot be reached is an {@link IOException} on writes (the upload is refused by name, nothing
 * stored) and {@link Refusal#unavailable} on reads (503, never a 500). No key is ever put in a message or the log.
 * Checksums are sent and checked only where S3 requires them, and bodies are sent whole, not in aws-chunked frames:
 * many S3-compatible stores take neither the SDK's newer trailing checksums nor chunked signing.
 */
public final class S3MediaStore implements MediaStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3MediaStore.class);
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(jpg|png|gif|webp)");
    static final String AWAY = "The photo store cannot be reached just now.";

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    S3MediaStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() ? "" : prefix + "/";
    }

    /** A store on the configured bucket; the client is closed with the store. */
    public static S3MediaStore open(S3Properties properties) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(properties.region()))
                .forcePathStyle(properties.pathStyle())
                .credentialsProvider(credentials(properties))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(30)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)))
                // One signed body, not aws-chunked framing: self-hosted stores (s3rver among them) would keep the
                // chunk headers as part of the picture.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (!properties.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        log.info("Photos are kept in S3: {}", properties.describe());
        return new S3MediaStore(builder.build(), properties.bucket(), properties.prefix());
    }

    private static AwsCredentialsProvider credentials(S3Properties properties) {
        if (properties.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(),
                properties.secretKey()));
    }

    @Override
    public boolean put(Area area, String name, byte[] bytes) throws IOException {
        String key = key(area, name);
        try {
            if (head(key).isPresent()) {
                return false;
            }
            client.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(name))
                    .contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
            return true;
        } catch (SdkException e) {
            throw new IOException("The photo store could not take " + key + ": " + reason(e), e);
        }
    }

    @Override
    public Optional<Resource> find(Area area, String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String key = key(area, name);
        try {
            return head(key).map(found -> new StoredObject(key, found.contentLength()));
        } catch (SdkException e) {
            log.warn("The photo store could not be read ({}): {}", key, reason(e));
            throw Refusal.unavailable(AWAY, java.util.Map.of(), Duration.ofSeconds(30));
        }
    }

    @Override
    public boolean exists(Area area, String name) {
        return find(area, name).isPresent();
    }

    @Override
    public void delete(Area area, String name) throws IOException {
        String key = key(area, name);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("The photo store could not delete " + key + ": " + reason(e), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(client.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String key(Area area, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a media file name: " + name);
        }
        return prefix + area.folder() + "/" + name.substring(0, 2) + "/" + name;
    }

    private static String contentType(String name) {
        return switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            default -> "image/webp";
        };
    }

    /** What went wrong, without the request's headers (which carry the signature). */
    private static String reason(SdkException e) {
        if (e instanceof S3Exception s3) {
            return s3.statusCode() + " " + (s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode());
        }
        return e.getClass().getSimpleName() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
    }

    /**
     * One object, its length known from the HEAD (so a range is answered without reading it) and its bytes
     * streamed from the bucket each time they are asked for.
     */
    private final class StoredObject extends AbstractResource {

        private final String key;
        private final long length;

        StoredObject(String key, long length) {
            this.key = key;
            this.length = length;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return client.getObject(b -> b.bucket(bucket).key(key));
            } catch (SdkException e) {
                throw new IOException("The photo store could not be read (" + key + "): " + reason(e), e);
            }
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public String getFilename() {
            return key.substring(key.lastIndexOf('/') + 1);
        }

        @Override
        public String getDescription() {
            return "S3 object " + key + " in bucket " + bucket;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredObject o && o.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }
}
