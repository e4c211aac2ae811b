package news.dateline.account.passkey;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in plain Java, for the journeys: one ES256 key pair from the JDK, the authenticator data
 * and the "none" attestation object written byte by byte in CBOR (RFC 8949) with the COSE key (RFC 9052), and
 * assertions signed as WebAuthn Level 3 §6.3.3 says (over authenticator data ‖ SHA-256 of the client data). What a
 * browser would put in the client data (the origin) and what the authenticator would flag (user verified, backup) can
 * be set wrong on purpose; {@link #copy()} makes a clone with the same key and counter, as a stolen copy would be.
 */
final class SoftwareAuthenticator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final int UP = 0x01;
    private static final int UV = 0x04;
    private static final int BE = 0x08;
    private static final int BS = 0x10;
    private static final int AT = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId;
    private byte[] userHandle;
    private long counter;
    String origin = "http://localhost:8080";
    boolean userVerified = true;
    boolean backupEligible;
    /** How much the counter moves per signature: 0 for an authenticator that keeps none (synced passkeys). */
    int step = 1;

    private SoftwareAuthenticator(KeyPair keys, byte[] credentialId, byte[] userHandle, long counter) {
        this.keys = keys;
        this.credentialId = credentialId;
        this.userHandle = userHandle;
        this.counter = counter;
    }

    static SoftwareAuthenticator create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] id = new byte[32];
            new SecureRandom().nextBytes(id);
            return new SoftwareAuthenticator(generator.generateKeyPair(), id, null, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key, credential and counter in another device: a clone. */
    SoftwareAuthenticator copy() {
        SoftwareAuthenticator clone = new SoftwareAuthenticator(keys, credentialId, userHandle, counter);
        clone.origin = origin;
        clone.backupEligible = backupEligible;
        return clone;
    }

    String credentialId() {
        return B64.encodeToString(credentialId);
    }

    long counter() {
        return counter;
    }

    /** navigator.credentials.create(): reads the server's creation options, answers the registration JSON. */
    String register(String optionsJson) {
        JsonNode options = JSON.readTree(optionsJson);
        String rpId = options.get("rp").get("id").asString();
        userHandle = UNB64.decode(options.get("user").get("id").asString());
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asString());
        ByteArrayOutputStream attested = new ByteArrayOutputStream();
        attested.writeBytes(new byte[16]); // AAGUID: none, as "none" attestation allows
        attested.write(credentialId.length >> 8);
        attested.write(credentialId.length & 0xff);
        attested.writeBytes(credentialId);
        attested.writeBytes(coseKey());
        counter += step;
        byte[] authData = authenticatorData(rpId, flags() | AT, attested.toByteArray());
        Map<Object, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("attestationObject", B64.encodeToString(Cbor.encode(attestation)));
        response.put("transports", java.util.List.of("internal"));
        return credential(response);
    }

    /** navigator.credentials.get(): signs the challenge of the server's request options. */
    String assertion(String optionsJson) {
        JsonNode options = JSON.readTree(optionsJson);
        return assertion(options.get("rpId").asString(), options.get("challenge").asString());
    }

    String assertion(String rpId, String challenge) {
        byte[] clientData = clientData("webauthn.get", challenge);
        counter += step;
        byte[] authData = authenticatorData(rpId, flags(), new byte[0]);
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authData);
            signer.update(sha256(clientData));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("clientDataJSON", B64.encodeToString(clientData));
            response.put("authenticatorData", B64.encodeToString(authData));
            response.put("signature", B64.encodeToString(signer.sign()));
            response.put("userHandle", userHandle == null ? null : B64.encodeToString(userHandle));
            return credential(response);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int flags() {
        return UP | (userVerified ? UV : 0) | (backupEligible ? BE | BS : 0);
    }

    private String credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", B64.encodeToString(credentialId));
        credential.put("rawId", B64.encodeToString(credentialId));
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        return JSON.writeValueAsString(credential);
    }

    private byte[] clientData(String type, String challenge) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("challenge", challenge);
        data.put("origin", origin);
        data.put("crossOrigin", false);
        return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] authenticatorData(String rpId, int flags, byte[] attested) {
        ByteBuffer data = ByteBuffer.allocate(37 + attested.length);
        data.put(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        data.put((byte) flags);
        data.putInt((int) counter);
        data.put(attested);
        return data.array();
    }

    /** The COSE_Key of an EC2 P-256 ES256 key: kty 2, alg -7, crv 1, x, y (32 bytes each). */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        Map<Object, Object> cose = new LinkedHashMap<>();
        cose.put(1, 2);
        cose.put(3, -7);
        cose.put(-1, 1);
        cose.put(-2, fixed(key.getW().getAffineX()));
        cose.put(-3, fixed(key.getW().getAffineY()));
        return Cbor.encode(cose);
    }

    private static byte[] fixed(BigInteger coordinate) {
        byte[] raw = coordinate.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough CBOR for WebAuthn: integers, byte and text strings, maps. */
    static final class Cbor {

        private Cbor() {
        }

        static byte[] encode(Object value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, value);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            switch (value) {
                case Integer n when n >= 0 -> head(out, 0, n);
                case Integer n -> head(out, 1, -1L - n);
                case byte[] bytes -> {
                    head(out, 2, bytes.length);
                    out.writeBytes(bytes);
                }
                case String text -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    head(out, 3, bytes.length);
                    out.writeBytes(bytes);
                }
                case Map<?, ?> map -> {
                    head(out, 5, map.size());
                    map.forEach((k, v) -> {
                        write(out, k);
                        write(out, v);
                    });
                }
                default -> throw new IllegalArgumentException("not in this CBOR: " + value);
            }
        }

        /** The major type in the top three bits, the argument in the shortest form (RFC 8949 §3). */
        private static void head(ByteArrayOutputStream out, int major, long argument) {
            int type = major << 5;
            if (argument < 24) {
                out.write(type | (int) argument);
            } else if (argument < 0x100) {
                out.write(type | 24);
                out.write((int) argument);
            } else if (argument < 0x10000) {
                out.write(type | 25);
                out.write((int) (argument >> 8));
                out.write((int) argument & 0xff);
            } else {
                out.write(type | 26);
                for (int shift = 24; shift >= 0; shift -= 8) {
                    out.write((int) (argument >> shift) & 0xff);
                }
            }
        }
    }
}
