package io.tollgate.gateway.integration.function;

import java.util.Locale;

/** Which content types travel as text in function events; everything else is base64. */
final class BinaryMedia {

    private BinaryMedia() {
    }

    static boolean isText(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.isEmpty() || type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded") || type.equals("application/graphql");
    }
}
