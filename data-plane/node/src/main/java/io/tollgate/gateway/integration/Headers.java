package io.tollgate.gateway.integration;

import io.vertx.core.MultiMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Header rules of a proxy (RFC 9110 §7.6.1): what must not be forwarded hop to hop. */
final class Headers {

    private static final Set<String> HOP_BY_HOP = caseInsensitive(Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"));

    private Headers() {
    }

    /** A set that matches header names in any case without lower-casing them per request. */
    static Set<String> caseInsensitive(Collection<String> names) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    /**
     * Copies end-to-end headers, leaving out hop-by-hop ones, those named in Connection and
     * {@code alsoSkip} (a {@link #caseInsensitive} set).
     */
    static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> alsoSkip) {
        String connection = from.get("connection");
        Set<String> named = connection == null ? Set.of()
                : caseInsensitive(java.util.Arrays.asList(connection.trim().split("\\s*,\\s*")));
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !alsoSkip.contains(name) && !named.contains(name)) {
                to.add(name, header.getValue());
            }
        }
    }
}
