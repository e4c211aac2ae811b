package news.dateline.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream while counting and hashing it: the size and SHA-256 a manifest entry records. */
public final class Sha256 {

    private final MessageDigest digest;
    private long size;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Reads {@code in} to its end, writing what it read to {@code out} (may be null: only hash). */
    public Sha256 copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            size += n;
            if (out != null) {
                out.write(buffer, 0, n);
            }
        }
        return this;
    }

    public long size() {
        return size;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
