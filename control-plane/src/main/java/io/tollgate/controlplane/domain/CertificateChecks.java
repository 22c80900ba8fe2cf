package io.tollgate.controlplane.domain;

import io.tollgate.contract.pem.Pem;
import io.tollgate.controlplane.problem.Violations;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate chain and private key can serve a hostname: parsed with the same {@link Pem}
 * reader the gateway nodes load them with, then every check that fails is reported at once. Plain
 * rules, no database: what a tenant uploads is either fully usable on the gateway or refused.
 */
public final class CertificateChecks {

    /** The SAN type of a DNS name (RFC 5280 GeneralName dNSName). */
    private static final int DNS_NAME = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private CertificateChecks() {
    }

    /**
     * A chain and key that passed every check, re-encoded canonically (only the certificates and the
     * PKCS#8 key, no comments or bag attributes), with the summary the API shows.
     */
    public record Checked(String chainPem, String privateKeyPem, CertificateSummary summary) {
    }

    /**
     * Checks that both PEMs parse, each certificate is signed by the next one (leaf first), the leaf
     * names the hostname (SAN, wildcards for one label), the key belongs to the leaf, and no
     * certificate of the chain is expired or not yet valid at {@code now}.
     */
    public static Checked check(String chainPem, String privateKeyPem, String hostname, Instant now) {
        Violations v = new Violations();
        X509Certificate[] chain = null;
        PrivateKey key = null;
        if (v.required(chainPem, "chainPem")) {
            try {
                chain = Pem.certificates(chainPem);
            } catch (IllegalArgumentException e) {
                v.add("chainPem", e.getMessage());
            }
        }
        if (v.required(privateKeyPem, "privateKeyPem")) {
            try {
                key = Pem.privateKey(privateKeyPem);
            } catch (IllegalArgumentException e) {
                v.add("privateKeyPem", e.getMessage());
            }
        }
        if (chain != null) {
            checkOrder(v, chain);
            checkValidity(v, chain, now);
            List<String> names = dnsNames(chain[0]);
            v.reject(names.stream().noneMatch(name -> covers(name, hostname)), "chainPem[0]",
                    "does not name " + hostname + " among its subject alternative DNS names " + names);
            if (key != null) {
                v.reject(!belongTogether(key, chain[0].getPublicKey()), "privateKeyPem",
                        "does not belong to the public key of chainPem[0]");
            }
        }
        v.throwIfAny();
        return new Checked(pem(chain), pem(key), summary(chain));
    }

    private static void checkOrder(Violations v, X509Certificate[] chain) {
        for (int i = 0; i + 1 < chain.length; i++) {
            X509Certificate certificate = chain[i];
            X509Certificate issuer = chain[i + 1];
            boolean signed = certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
            if (signed) {
                try {
                    certificate.verify(issuer.getPublicKey());
                } catch (GeneralSecurityException e) {
                    signed = false;
                }
            }
            v.reject(!signed, "chainPem[" + i + "]", "is not signed by the certificate after it (chainPem[" + (i + 1)
                    + "], " + issuer.getSubjectX500Principal().getName() + "): order the chain leaf first, each "
                    + "certificate followed by its issuer");
        }
    }

    private static void checkValidity(Violations v, X509Certificate[] chain, Instant now) {
        for (int i = 0; i < chain.length; i++) {
            Instant notBefore = chain[i].getNotBefore().toInstant();
            Instant notAfter = chain[i].getNotAfter().toInstant();
            v.reject(now.isAfter(notAfter), "chainPem[" + i + "]", "expired at " + notAfter);
            v.reject(now.isBefore(notBefore), "chainPem[" + i + "]", "is not valid before " + notBefore);
        }
    }

    /** The leaf's SAN DNS names, lower-cased. Browsers ignore the subject CN, and so do we. */
    static List<String> dnsNames(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    if (alternative.size() == 2 && Integer.valueOf(DNS_NAME).equals(alternative.get(0))) {
                        names.add(alternative.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension names nothing
        }
        return names;
    }

    /** RFC 6125: a wildcard is a whole left-most label and stands for exactly one label. */
    static boolean covers(String certificateName, String hostname) {
        String host = hostname.toLowerCase(Locale.ROOT);
        if (!certificateName.startsWith("*.")) {
            return certificateName.equals(host);
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot).equals(certificateName.substring(1));
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        String algorithm = signatureAlgorithm(key.getAlgorithm());
        boolean sameAlgorithm = key.getAlgorithm().equals(publicKey.getAlgorithm())
                || (key.getAlgorithm().startsWith("Ed") && publicKey.getAlgorithm().startsWith("Ed"));
        if (algorithm == null || !sameAlgorithm) {
            return false;
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
    }

    private static CertificateSummary summary(X509Certificate[] chain) {
        X509Certificate leaf = chain[0];
        return new CertificateSummary(leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                dnsNames(leaf), leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), fingerprint(leaf),
                leaf.getPublicKey().getAlgorithm(), chain.length);
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String pem(X509Certificate[] chain) {
        StringBuilder out = new StringBuilder();
        try {
            for (X509Certificate certificate : chain) {
                out.append(block("CERTIFICATE", certificate.getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a parsed certificate has no encoding", e);
        }
        return out.toString();
    }

    private static String pem(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
