package io.tollgate.contract.pem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificate chains and PKCS#8 private keys (RSA, EC, Ed25519) with the JDK alone. One
 * reader for both sides of a custom domain's certificate: the control plane accepts exactly what a
 * gateway node can later load, because both parse with this class.
 */
public final class Pem {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private Pem() {
    }

    /** The certificates in the order written (a server chain: leaf first); at least one. */
    public static X509Certificate[] certificates(String pem) {
        X509Certificate[] chain;
        try {
            chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PEM certificate chain: " + e.getMessage());
        }
        if (chain.length == 0) {
            throw new IllegalArgumentException("not a PEM certificate chain: no BEGIN CERTIFICATE block");
        }
        return chain;
    }

    public static PrivateKey privateKey(String pem) {
        Matcher matcher = PRIVATE_KEY.matcher(pem);
        if (!matcher.find()) {
            if (pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
                throw new IllegalArgumentException("a traditional OpenSSL key; convert it to unencrypted PKCS#8 "
                        + "(BEGIN PRIVATE KEY) with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
            }
            throw new IllegalArgumentException("not an unencrypted PEM PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1)));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // the key names its algorithm only inside the encoding: try the ones we support
            }
        }
        throw new IllegalArgumentException("unsupported private key algorithm (RSA, EC or Ed25519 expected)");
    }
}
