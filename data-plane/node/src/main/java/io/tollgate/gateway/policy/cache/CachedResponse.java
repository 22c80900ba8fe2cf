package io.tollgate.gateway.policy.cache;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One cached answer: status, end-to-end headers and body, in a small binary form of our own (no
 * reflection, no schema to register: native-image friendly, and readable by every node version
 * that knows the leading format byte).
 */
record CachedResponse(int status, List<Map.Entry<String, String>> headers, Buffer body) {

    private static final byte FORMAT = 1;

    /** Never stored: per-connection, per-caller or per-request headers, and what the gateway sets itself. */
    private static final Set<String> NOT_STORED;

    static {
        NOT_STORED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        NOT_STORED.addAll(List.of("connection", "keep-alive", "proxy-authenticate", "proxy-connection", "te", "trailer",
                "transfer-encoding", "upgrade", "set-cookie", "set-cookie2", "content-length", "x-request-id",
                ResponseCachePolicy.STATUS_HEADER));
    }

    static CachedResponse of(int status, MultiMap responseHeaders, Buffer body) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> header : responseHeaders) {
            if (!NOT_STORED.contains(header.getKey())) {
                kept.add(Map.entry(header.getKey(), header.getValue()));
            }
        }
        return new CachedResponse(status, kept, body);
    }

    byte[] encode() {
        Buffer out = Buffer.buffer(body.length() + 256).appendByte(FORMAT).appendShort((short) status).appendInt(headers.size());
        for (Map.Entry<String, String> header : headers) {
            appendString(out, header.getKey());
            appendString(out, header.getValue());
        }
        return out.appendInt(body.length()).appendBuffer(body).getBytes();
    }

    /** @return null for bytes of an unknown format (another node version wrote them): a miss */
    static CachedResponse decode(byte[] bytes) {
        Buffer in = Buffer.buffer(bytes);
        if (bytes.length < 7 || in.getByte(0) != FORMAT) {
            return null;
        }
        int status = in.getShort(1);
        int count = in.getInt(3);
        int at = 7;
        List<Map.Entry<String, String>> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int nameLength = in.getInt(at);
            String name = in.getString(at + 4, at + 4 + nameLength, StandardCharsets.UTF_8.name());
            at += 4 + nameLength;
            int valueLength = in.getInt(at);
            String value = in.getString(at + 4, at + 4 + valueLength, StandardCharsets.UTF_8.name());
            at += 4 + valueLength;
            headers.add(Map.entry(name, value));
        }
        int bodyLength = in.getInt(at);
        return new CachedResponse(status, headers, in.getBuffer(at + 4, at + 4 + bodyLength));
    }

    private static void appendString(Buffer out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.appendInt(bytes.length).appendBytes(bytes);
    }
}
