package news.dateline.media.s3;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the library keeps its files when not on local disk: an S3-compatible bucket ({@code DATELINE_MEDIA_S3_*};
 * docs/media.md). With no bucket named the files stay under {@code <data dir>/media}. Checked at boot: a half-given
 * key pair or an endpoint that is no http(s) address would fail every upload, which a developer should learn at
 * start. The secret key never appears in {@link #toString()}, so a logged or printed settings object cannot leak it.
 *
 * @param bucket    the bucket (empty: local disk, the default)
 * @param endpoint  the store's address for anything but AWS itself ({@code https://s3.example.net}); empty for AWS
 * @param region    the region to sign for ({@code us-east-1} unless the store says otherwise)
 * @param accessKey the key pair; both empty: the SDK's default chain (environment, profile, instance role)
 * @param secretKey see {@code accessKey}
 * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key} (most self-hosted
 *                  stores want this)
 * @param prefix    a folder in the bucket to keep everything under (empty: the bucket's top)
 */
@ConfigurationProperties("dateline.media.s3")
public record S3Properties(
        @DefaultValue("") String bucket,
        @DefaultValue("") String endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("") String accessKey,
        @DefaultValue("") String secretKey,
        @DefaultValue("false") boolean pathStyle,
        @DefaultValue("") String prefix) {

    public S3Properties {
        bucket = bucket.strip();
        endpoint = endpoint.strip();
        prefix = prefix.strip().replaceAll("^/+|/+$", "");
        if (!endpoint.isEmpty()) {
            URI uri = URI.create(endpoint);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("dateline.media.s3.endpoint must be an http(s) address, not "
                        + endpoint);
            }
        }
        if (accessKey.isBlank() != secretKey.isBlank()) {
            throw new IllegalArgumentException(
                    "dateline.media.s3.access-key and secret-key are given together or not at all");
        }
    }

    /** Whether the library is on S3 (a bucket is named). */
    public boolean enabled() {
        return !bucket.isEmpty();
    }

    /** The store as an operator may read it in the log: bucket, endpoint and addressing, never a key. */
    public String describe() {
        return "bucket " + bucket + (prefix.isEmpty() ? "" : " (under " + prefix + "/)") + " at "
                + (endpoint.isEmpty() ? "AWS " + region : endpoint) + (pathStyle ? ", path-style" : "")
                + (accessKey.isBlank() ? ", credentials from the AWS default chain" : ", with the configured key");
    }

    @Override
    public String toString() {
        return "S3Properties[" + describe() + "]";
    }
}
