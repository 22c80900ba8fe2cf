package io.tollgate.gateway.integration;

import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * An integration's timeout for one request, almost always cancelled before it fires. Scheduled on
 * the request's event loop with Netty's scheduler directly: a Vert.x timer would also register
 * itself in Vert.x's shared timer map and be looked up again to cancel, which showed as several
 * per cent of the event loop in profiles of the proxy path. When it fires, the action runs on the
 * request's own context, as a Vert.x timer's would.
 */
final class Deadline {

    private final ScheduledFuture<?> scheduled;
    private final Vertx vertx;
    private final long timerId;

    private Deadline(ScheduledFuture<?> scheduled, Vertx vertx, long timerId) {
        this.scheduled = scheduled;
        this.vertx = vertx;
        this.timerId = timerId;
    }

    /** Runs {@code onExpiry} after {@code millis} unless {@link #cancel()}led first. */
    static Deadline after(Vertx vertx, long millis, Runnable onExpiry) {
        Context current = Vertx.currentContext();
        if (current instanceof ContextInternal context && context.isEventLoopContext() && context.nettyEventLoop().inEventLoop()) {
            return new Deadline(context.nettyEventLoop().schedule(() -> context.emit(null, ignored -> onExpiry.run()), millis,
                    TimeUnit.MILLISECONDS), null, -1);
        }
        return new Deadline(null, vertx, vertx.setTimer(millis, id -> onExpiry.run())); // not on an event loop (tests, workers)
    }

    void cancel() {
        if (scheduled != null) {
            scheduled.cancel(false);
        } else {
            vertx.cancelTimer(timerId);
        }
    }
}
