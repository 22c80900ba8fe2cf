package io.tollgate.controlplane.accesstoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Values of tenant access tokens: {@code tgat_} + 256 random bits in base64url. Only the SHA-256 of a
 * value is stored (a fast hash suffices: the value is random, not a password) and a short visible prefix
 * lets people recognise a token in lists and logs without the secret.
 */
public final class AccessTokenSecrets {

    /** Marks our tokens, so the authentication mechanism claims them and leaves JWTs to OIDC. */
    public static final String PREFIX = "tgat_";
    /** {@code tgat_} plus 8 characters of the random part: enough to tell tokens apart, far too little to guess. */
    static final int VISIBLE_LENGTH = PREFIX.length() + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A freshly generated token: its value (shown once), the visible prefix and the hash to store. */
    public record Secret(String value, String visiblePrefix, String sha256) {
    }

    private AccessTokenSecrets() {
    }

    public static Secret generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Secret(value, value.substring(0, VISIBLE_LENGTH), sha256(value));
    }

    public static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
