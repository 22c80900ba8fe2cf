package io.tollgate.gateway.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A server certificate chain (leaf first) and its private key, ready for a TLS handshake. */
public record TlsIdentity(PrivateKey privateKey, X509Certificate[] chain) {
}
