package io.tollgate.controlplane.domain;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made fresh for a test: a root, an intermediate, leaves with chosen names, keys and validity. */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A certificate and the key pair it certifies. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        public String certificatePem() {
            return pem(certificate);
        }

        /** Unencrypted PKCS#8, as the API accepts it. */
        public String privateKeyPem() {
            try {
                return pem(new JcaPKCS8Generator(keys.getPrivate(), null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA valid from an hour ago for a year. */
    public static Issued root(String name) {
        KeyPair keys = ec();
        return new Issued(build(name, keys, null, null, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(365)), true), keys);
    }

    /** A CA certified by {@code issuer}. */
    public static Issued intermediate(String name, Issued issuer) {
        KeyPair keys = ec();
        return new Issued(build(name, keys, issuer, null, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(365)), true), keys);
    }

    /** A server certificate valid now, naming the DNS names, certified by {@code issuer}. */
    public static Issued leaf(Issued issuer, KeyPair keys, String... dnsNames) {
        return leaf(issuer, keys, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(90)), dnsNames);
    }

    public static Issued leaf(Issued issuer, KeyPair keys, Instant notBefore, Instant notAfter, String... dnsNames) {
        return new Issued(build(dnsNames[0], keys, issuer, dnsNames, notBefore, notAfter, false), keys);
    }

    /** Certificates as one PEM text, in the order given. */
    public static String chain(Issued... certificates) {
        return String.join("", Arrays.stream(certificates).map(Issued::certificatePem).toList());
    }

    private static X509Certificate build(String commonName, KeyPair keys, Issued issuer, String[] dnsNames, Instant notBefore,
                                         Instant notAfter, boolean ca) {
        try {
            X500Name subject = new X500Name("CN=" + commonName);
            X500Name issuerName = issuer == null ? subject : new X500Name(issuer.certificate().getSubjectX500Principal().getName());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(Arrays.stream(dnsNames)
                        .map(name -> new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new)));
            }
            KeyPair signer = issuer == null ? keys : issuer.keys();
            String algorithm = signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
