package io.tollgate.gateway.integration;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body streamed through with a size limit: a body without a declared length (chunked)
 * that grows past the limit fails the stream, so the proxy stops forwarding it and answers 413.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** Signals the limit to whoever reads the stream. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body exceeds the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}
