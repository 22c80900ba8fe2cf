package io.tollgate.gateway.integration;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An integration's timeout for one request, almost always cancelled before it fires.
 *
 * <p>On an event loop, deadlines with the same timeout expire in the order they were set, so each
 * event loop keeps one first-in-first-out list per timeout value, and one Netty task armed for the
 * oldest deadline of each list. Setting a deadline appends to its list and cancelling unlinks it:
 * both O(1), with no scheduler call per request. (A Netty task per request cost about 5 % of the
 * event loop in profiles of the proxy path: scheduling and cancelling keep a priority queue of all
 * pending requests in order; a Vert.x timer costs more, it also registers in a shared map.) When a
 * deadline expires, its action runs on the request's own context, as a Vert.x timer's would.
 */
final class Deadline {

    /** The lists of the event loop this thread runs; only ever touched from that thread. */
    private static final FastThreadLocal<Lists> LISTS = new FastThreadLocal<>() {
        @Override
        protected Lists initialValue() {
            return new Lists();
        }
    };

    private final Runnable onExpiry;
    private final ContextInternal context;
    private final long expiresAtNanos;
    /** Null when not on an event loop (the Vert.x timer below is used instead). */
    private final Fifo list;
    private final Vertx vertx;
    private final long timerId;
    Deadline previous;
    Deadline next;
    /** False once expired or cancelled: no longer in its list. */
    boolean linked;

    private Deadline(Runnable onExpiry, ContextInternal context, long expiresAtNanos, Fifo list, Vertx vertx, long timerId) {
        this.onExpiry = onExpiry;
        this.context = context;
        this.expiresAtNanos = expiresAtNanos;
        this.list = list;
        this.vertx = vertx;
        this.timerId = timerId;
    }

    /** Runs {@code onExpiry} after {@code millis} unless {@link #cancel()}led first. */
    static Deadline after(Vertx vertx, long millis, Runnable onExpiry) {
        Context current = Vertx.currentContext();
        if (current instanceof ContextInternal context && context.isEventLoopContext() && context.nettyEventLoop().inEventLoop()) {
            Fifo list = LISTS.get().forTimeout(millis, context.nettyEventLoop());
            Deadline deadline = new Deadline(onExpiry, context, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), list, null, -1);
            list.append(deadline);
            return deadline;
        }
        // not on an event loop (tests, workers)
        return new Deadline(null, null, 0, null, vertx, vertx.setTimer(millis, id -> onExpiry.run()));
    }

    void cancel() {
        if (list != null) {
            if (list.eventLoop.inEventLoop()) {
                list.unlink(this);
            } else { // the lists belong to their event loop's thread; integrations cancel on it, anything else hops there
                list.eventLoop.execute(() -> list.unlink(this));
            }
        } else {
            vertx.cancelTimer(timerId);
        }
    }

    /** The deadlines of one timeout value on one event loop, oldest first. */
    static final class Fifo implements Runnable {
        private final EventLoop eventLoop;
        private Deadline head;
        private Deadline tail;
        /** A task is scheduled (for the head's expiry, or for an earlier head's that was cancelled). */
        private boolean armed;

        Fifo(EventLoop eventLoop) {
            this.eventLoop = eventLoop;
        }

        void append(Deadline deadline) {
            deadline.previous = tail;
            if (tail == null) {
                head = deadline;
            } else {
                tail.next = deadline;
            }
            tail = deadline;
            deadline.linked = true;
            if (!armed) {
                arm(deadline.expiresAtNanos);
            }
        }

        void unlink(Deadline deadline) {
            if (!deadline.linked) {
                return;
            }
            deadline.linked = false;
            if (deadline.previous == null) {
                head = deadline.next;
            } else {
                deadline.previous.next = deadline.next;
            }
            if (deadline.next == null) {
                tail = deadline.previous;
            } else {
                deadline.next.previous = deadline.previous;
            }
            deadline.previous = null;
            deadline.next = null;
            // the armed task stays: when it runs it finds a later head and arms again for it
        }

        private void arm(long atNanos) {
            armed = true;
            eventLoop.schedule(this, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        /** The armed task: expires what is due, then arms again for the oldest deadline left. */
        @Override
        public void run() {
            armed = false;
            long now = System.nanoTime();
            while (head != null && head.expiresAtNanos - now <= 0) {
                Deadline due = head;
                unlink(due);
                due.context.emit(null, ignored -> due.onExpiry.run());
            }
            if (head != null && !armed) {
                arm(head.expiresAtNanos);
            }
        }
    }

    /**
     * One list per timeout value in use on an event loop. Integrations have few distinct timeouts:
     * the first few are found by a scan, the rest in a map.
     */
    static final class Lists {
        private static final int SCANNED = 8;
        private final long[] timeouts = new long[SCANNED];
        private final Fifo[] lists = new Fifo[SCANNED];
        private int size;
        private Map<Long, Fifo> more;

        Fifo forTimeout(long millis, EventLoop eventLoop) {
            for (int i = 0; i < size; i++) {
                if (timeouts[i] == millis) {
                    return lists[i];
                }
            }
            if (size < SCANNED) {
                timeouts[size] = millis;
                lists[size] = new Fifo(eventLoop);
                return lists[size++];
            }
            if (more == null) {
                more = new HashMap<>();
            }
            return more.computeIfAbsent(millis, ignored -> new Fifo(eventLoop));
        }
    }
}
