package io.tollgate.controlplane.domain;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Map;

/**
 * Points the control plane's DNS lookups at 127.0.0.1 and a free UDP port, where the tests that
 * verify domains start {@link Dnsmasq} with the records they need (a fresh server per test, on the
 * same port). Other tests never touch DNS, so they do not need dnsmasq.
 */
public class TestDnsResolver implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return Map.of("tollgate.domains.dns-resolver", "127.0.0.1:" + socket.getLocalPort(),
                    // dnsmasq answers at once; a short timeout keeps the "DNS down" test quick.
                    "tollgate.domains.dns-timeout", "PT2S");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free UDP port on loopback", e);
        }
    }

    @Override
    public void stop() {
    }
}
