package io.tollgate.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Port choice: the quickstart uses fixed, documented ports; tests ask the OS for free ones so that
 * several runs (and a running quickstart) never collide.
 */
public interface Ports {

    int port(String name, int fixedDefault);

    /** Documented default ports, each overridable by an environment variable TOLLGATE_PORT_NAME. */
    static Ports fixed() {
        return (name, fixedDefault) -> {
            String override = System.getenv("TOLLGATE_PORT_" + name.toUpperCase().replace('-', '_'));
            return override == null ? fixedDefault : Integer.parseInt(override);
        };
    }

    static Ports random() {
        return (name, fixedDefault) -> {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on loopback", e);
            }
        };
    }
}
