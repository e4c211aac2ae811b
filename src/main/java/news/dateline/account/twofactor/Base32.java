package news.dateline.account.twofactor;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base 32 without padding, the alphabet authenticator apps read in an {@code otpauth://} address and
 * that a person can type from the screen (no 0, 1, 8 or 9 to confuse with letters).
 */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt(buffer << 5 - bits & 31));
        }
        return out.toString();
    }

    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not base 32: " + c);
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> bits - 8 & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
