package io.tollgate.gateway.tls;

import io.tollgate.gateway.config.ConfigStore;
import io.tollgate.gateway.config.GatewaySnapshot;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the server certificate by the name the client asked for (SNI): a verified custom
 * domain's certificate from the configuration the node serves right now, else the node's own
 * default certificate (for {@code *.gateway domain}). Certificates therefore change with the
 * configuration, without a restart. The alias is the host name; the chain and key are read from
 * the same snapshot generation as the choice, as far as a handshake allows.
 */
public final class SniKeyManager extends X509ExtendedKeyManager {

    private static final String DEFAULT_ALIAS = "\u0000default";

    private final ConfigStore config;
    private final TlsIdentity defaultIdentity;

    /** @param defaultIdentity may be null: then only custom domains with certificates handshake */
    public SniKeyManager(ConfigStore config, TlsIdentity defaultIdentity) {
        this.config = config;
        this.defaultIdentity = defaultIdentity;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, null);
    }

    private String choose(String keyType, SSLSession session) {
        String host = requestedHost(session);
        if (host != null) {
            TlsIdentity identity = domainIdentity(host);
            if (identity != null && matches(identity, keyType)) {
                return host;
            }
        }
        return defaultIdentity != null && matches(defaultIdentity, keyType) ? DEFAULT_ALIAS : null;
    }

    private static boolean matches(TlsIdentity identity, String keyType) {
        String algorithm = identity.privateKey().getAlgorithm();
        return keyType == null || keyType.equalsIgnoreCase(algorithm)
                || (keyType.equals("EC") && algorithm.equals("EC"))
                || (keyType.equalsIgnoreCase("RSASSA-PSS") && algorithm.equals("RSA"))
                || (keyType.equalsIgnoreCase("EdDSA") && algorithm.startsWith("Ed"));
    }

    private static String requestedHost(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession extended)) {
            return null;
        }
        List<SNIServerName> names = extended.getRequestedServerNames();
        for (SNIServerName name : names) {
            if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                return ((SNIHostName) name).getAsciiName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private TlsIdentity domainIdentity(String host) {
        GatewaySnapshot snapshot = config.current();
        return snapshot == null ? null : snapshot.certificates().get(host);
    }

    private TlsIdentity identity(String alias) {
        return DEFAULT_ALIAS.equals(alias) ? defaultIdentity : domainIdentity(alias);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        TlsIdentity identity = identity(alias);
        return identity == null ? null : identity.chain();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        TlsIdentity identity = identity(alias);
        return identity == null ? null : identity.privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
