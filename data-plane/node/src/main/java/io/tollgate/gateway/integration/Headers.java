package io.tollgate.gateway.integration;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Header rules of a proxy (RFC 9110 §7.6.1): what must not be forwarded hop to hop. Runs for every
 * header of every proxied request and response, so it matches names without allocating: no
 * lower-casing, no sets built per request, no regular expressions.
 */
final class Headers {

    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** The hop-by-hop headers alone: what a response from an upstream loses. */
    static final Names HOP_BY_HOP_ONLY = skipping(List.of());

    private Headers() {
    }

    /** The hop-by-hop headers and {@code alsoSkip}, matched in any case. */
    static Names skipping(Collection<String> alsoSkip) {
        return new Names(Stream.concat(HOP_BY_HOP.stream(), alsoSkip.stream()).toList());
    }

    /** A fixed set of header names, matched in any case; grouped by length so a lookup compares few names. */
    static final class Names {
        private final String[][] byLength;

        private Names(Collection<String> names) {
            int longest = names.stream().mapToInt(String::length).max().orElse(0);
            List<List<String>> groups = new ArrayList<>();
            for (int i = 0; i <= longest; i++) {
                groups.add(new ArrayList<>());
            }
            names.forEach(name -> groups.get(name.length()).add(name.toLowerCase(Locale.ROOT)));
            byLength = groups.stream().map(group -> group.toArray(String[]::new)).toArray(String[][]::new);
        }

        boolean contains(CharSequence name) {
            int length = name.length();
            if (length >= byLength.length) {
                return false;
            }
            for (String candidate : byLength[length]) {
                if (AsciiString.contentEqualsIgnoreCase(candidate, name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Copies end-to-end headers, leaving out those in {@code skip} (see {@link #skipping}) and those
     * the {@code Connection} header names.
     */
    static void copyEndToEnd(MultiMap from, MultiMap to, Names skip) {
        String connection = from.get("connection");
        if (connection != null && namesNoHeader(connection)) {
            connection = null; // the usual "keep-alive" or "close": no header to drop beyond the hop-by-hop ones
        }
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!skip.contains(name) && (connection == null || !namedIn(connection, name))) {
                to.add(name, header.getValue());
            }
        }
    }

    /** {@code keep-alive} (a hop-by-hop header anyway) and {@code close} are what upstreams send: nothing more to skip. */
    private static boolean namesNoHeader(String connection) {
        return connection.equalsIgnoreCase("keep-alive") || connection.equalsIgnoreCase("close");
    }

    /** Whether a comma-separated list of header names (a Connection header's value) names {@code name}. */
    static boolean namedIn(String list, String name) {
        int length = list.length();
        int start = 0;
        while (start < length) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(list.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(list.charAt(to - 1))) {
                to--;
            }
            if (to - from == name.length() && list.regionMatches(true, from, name, 0, name.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
