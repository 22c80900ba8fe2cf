package io.tollgate.controlplane.apikey;

import io.tollgate.controlplane.accesstoken.AccessTokenSecrets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Values of API keys: {@code tgk_} + 256 random bits in base64url, or a value the tenant imports. Only
 * the SHA-256 of a value is stored (what the gateway looks a key up by) and a short visible prefix.
 */
public final class ApiKeySecrets {

    /** Marks generated keys, so secret scanners and people recognise them. */
    public static final String PREFIX = "tgk_";
    /** {@code tgk_} plus 8 characters of the random part: enough to tell keys apart, far too little to guess. */
    static final int VISIBLE_LENGTH = PREFIX.length() + 8;
    /**
     * An imported value shows only its first 4 characters: it may be as short as 20 characters and
     * less random than ours, so showing more would give away a real part of it.
     */
    static final int IMPORTED_VISIBLE_LENGTH = 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key value (known only while the request runs), its visible prefix and the hash to store. */
    public record Secret(String value, String visiblePrefix, String sha256) {
    }

    private ApiKeySecrets() {
    }

    public static Secret generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Secret(value, value.substring(0, VISIBLE_LENGTH), sha256(value));
    }

    /** An existing value the tenant brings (checked by {@link ApiKeyRules#checkImportedValue}). */
    public static Secret imported(String value) {
        return new Secret(value, value.substring(0, IMPORTED_VISIBLE_LENGTH), sha256(value));
    }

    /** Lower-case hex SHA-256 of the UTF-8 value, as {@code ApiKeyConfig.sha256} wants it. */
    public static String sha256(String value) {
        return AccessTokenSecrets.sha256(value);
    }
}
