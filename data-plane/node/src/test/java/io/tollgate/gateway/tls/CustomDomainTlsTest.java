package io.tollgate.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.contract.v1.Sealing;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.GatewayNode;
import io.tollgate.gateway.TestPublisher;
import io.tollgate.gateway.config.TestConfigs;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** HTTPS on the gateway listener: SNI picks each verified custom domain's certificate from the configuration. */
@QuarkusTest
class CustomDomainTlsTest {

    @Inject
    GatewayNode node;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tollgate.config.seal-key")
    String sealKey;

    /** What a TLS client saw: the server's leaf certificate and the HTTP status line and body. */
    record Answer(X509Certificate certificate, String statusLine, String body) {
    }

    @Test
    void serves_a_custom_domain_over_https_and_rotates_its_certificate_without_restart() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String api = "tls" + UUID.randomUUID().toString().substring(0, 6);
        String host = api + ".shop.test";
        String domainId = "dom-" + api;
        Sealing sealing = Sealing.fromBase64(sealKey);
        TestCertificates.Issued first = TestCertificates.selfSigned(host);
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                    TestConfigs.deployment("d-" + api, tenant, api, 2, List.of(TestConfigs.mockRoute("GET", "/hello", 200, "secure hello"))),
                    TestConfigs.stage("s-" + api, tenant, api, "prod", "d-" + api, 3, Map.of()),
                    domain(domainId, tenant, api, host, first, 4, sealing));
            Answer answer = awaitCertificate(host, first.serial());
            assertEquals("HTTP/1.1 200 OK", answer.statusLine());
            assertEquals("secure hello", answer.body());
            assertTrue(answer.certificate().getSubjectX500Principal().getName().contains("CN=" + host));

            TestCertificates.Issued second = TestCertificates.selfSigned(host);
            publisher.publish(domain(domainId, tenant, api, host, second, 5, sealing));
            assertEquals("secure hello", awaitCertificate(host, second.serial()).body());
        }
    }

    @Test
    void a_name_without_certificate_gets_no_handshake() {
        assertThrows(SSLException.class, () -> get("unknown-" + UUID.randomUUID() + ".shop.test"));
    }

    private static DomainConfig domain(String id, String tenant, String api, String host, TestCertificates.Issued certificate,
            long revision, Sealing sealing) {
        String key = "domain:" + id;
        return new DomainConfig(id, tenant, revision, host, new DomainConfig.Certificate(certificate.chainPem(),
                sealing.seal(certificate.privateKeyPem().getBytes(StandardCharsets.US_ASCII), key)),
                List.of(new DomainConfig.BasePathMapping("", api, "prod")));
    }

    private Answer awaitCertificate(String host, BigInteger serial) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Answer answer = get(host);
                if (answer.certificate().getSerialNumber().equals(serial)) {
                    return answer;
                }
            } catch (SSLException notYet) {
                last = notYet;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("certificate " + serial + " not served for " + host, last);
    }

    /** GET /hello over TLS to the node, asking for {@code host} by SNI (trusting any certificate). */
    private Answer get(String host) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", node.httpsPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            OutputStream out = socket.getOutputStream();
            out.write(("GET /hello HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // headers
            }
            StringBuilder body = new StringBuilder();
            while ((line = in.readLine()) != null) {
                body.append(line);
            }
            return new Answer(certificate, status, body.toString());
        }
    }
}
