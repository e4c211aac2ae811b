package news.dateline.account.twofactor;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import news.dateline.platform.DataProperties;
import news.dateline.platform.keys.KeyFile;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets before they reach the database: AES-256-GCM under 32 random bytes kept in
 * {@code <data dir>/second-factor.key} (created on first use, readable by its owner only; backups take every
 * {@code *.key} with them, docs/operations.md). The account id is bound in as associated data, so a sealed secret
 * copied onto another account's row does not open. Nodes sharing the data directory share the key.
 */
@Component
class SecretBox {

    static final String KEY_FILE = "second-factor.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(DataProperties data) {
        this.key = new SecretKeySpec(keyFrom(data.dir()), "AES");
    }

    String seal(long accountId, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, accountId);
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides AES-GCM", e);
        }
    }

    byte[] open(long accountId, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce, accountId).doFinal(bytes, NONCE_BYTES,
                    bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // a different key file, or a row moved between accounts: the secret is unusable, not a code mismatch
            throw new IllegalStateException("A second-factor secret does not open with " + KEY_FILE, e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long accountId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(accountId).array());
        return cipher;
    }

    private static byte[] keyFrom(Path dataDir) {
        return KeyFile.readOrCreate(dataDir.resolve(KEY_FILE), 32, KeyFile.Form.BASE64);
    }
}
