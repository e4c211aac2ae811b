package news.dateline.wire.provider;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * Seals an HTTP provider's credential before it reaches the database, as account's SecretBox seals second-factor
 * secrets: AES-256-GCM under 32 random bytes in {@code <data dir>/wire-credentials.key} (created on first use,
 * readable by its owner only; backups take every {@code *.key}). The provider's name is bound in as associated
 * data, so a sealed credential copied onto another provider's row does not open. Nothing here logs a credential.
 */
@Component
class ProviderSecrets {

    static final String KEY_FILE = "wire-credentials.key";
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    ProviderSecrets(DataProperties data) {
        this.key = new SecretKeySpec(keyFrom(data.dir()), "AES");
    }

    String seal(String providerName, String credential) {
        if (credential.isEmpty()) {
            return "";
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, providerName)
                    .doFinal(credential.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides AES-GCM", e);
        }
    }

    String open(String providerName, String sealed) {
        if (sealed.isEmpty()) {
            return "";
        }
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            return new String(cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), providerName)
                    .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The credential of wire provider " + providerName + " does not open with "
                    + KEY_FILE);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String providerName) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(providerName.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] keyFrom(Path dataDir) {
        return KeyFile.readOrCreate(dataDir.resolve(KEY_FILE), 32, KeyFile.Form.BASE64);
    }
}
