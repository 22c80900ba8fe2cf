package io.tollgate.contract.v1;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets that travel in configuration records (a custom domain's private key) with
 * AES-256-GCM under the key shared by the control plane and the gateway nodes: the sealed form is
 * {@code base64(iv ‖ ciphertext ‖ tag)} with a fresh 96-bit iv each time. The record key is bound
 * as associated data, so a sealed value cannot be moved to another record.
 */
public final class Sealing {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param key 32 bytes (AES-256) */
    public Sealing(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the sealing key must be 32 bytes (base64 of 256 random bits)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From the base64 form kept in configuration ({@code tollgate.config.seal-key}). */
    public static Sealing fromBase64(String key) {
        try {
            return new Sealing(Base64.getDecoder().decode(key.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealing key must be base64 of 32 bytes", e);
        }
    }

    public String seal(byte[] plaintext, String recordKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(recordKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Fails with IllegalArgumentException when the value was not sealed for this record under this key. */
    public byte[] open(String sealed, String recordKey) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value is not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(recordKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed value does not open with this key for " + recordKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
