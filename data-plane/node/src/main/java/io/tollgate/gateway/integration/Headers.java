package io.tollgate.gateway.integration;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/** Header rules of a proxy (RFC 9110 §7.6.1): what must not be forwarded hop to hop. */
final class Headers {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private Headers() {
    }

    /** Copies end-to-end headers, leaving out hop-by-hop ones and those named in Connection. */
    static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> alsoSkip) {
        String connection = from.get("connection");
        Set<String> named = connection == null ? Set.of() : Set.of(connection.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !alsoSkip.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
