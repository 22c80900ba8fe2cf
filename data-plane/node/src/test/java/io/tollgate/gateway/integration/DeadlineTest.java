package io.tollgate.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deadlines set on a real Vert.x event loop, as integrations set them: fired, cancelled, in order, on the request's context. */
class DeadlineTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on one event-loop context and waits for it. */
    private <T> T onEventLoop(Context context, java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(ignored -> done.complete(action.get()));
        return done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_deadline_fires_after_its_time_on_the_context_that_set_it() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Context> firedOn = new CompletableFuture<>();
        long setAt = System.nanoTime();
        onEventLoop(context, () -> Deadline.after(vertx, 100, () -> firedOn.complete(Vertx.currentContext())));

        Context fired = firedOn.get(5, TimeUnit.SECONDS);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setAt);
        assertTrue(waitedMillis >= 100, "fired after " + waitedMillis + " ms, before its 100 ms");
        assertEquals(((io.vertx.core.impl.ContextInternal) context).nettyEventLoop(),
                ((io.vertx.core.impl.ContextInternal) fired).nettyEventLoop(), "fired on another event loop");
    }

    @Test
    void cancelled_deadlines_never_fire_and_the_rest_fire_in_order() throws Exception {
        Context context = vertx.getOrCreateContext();
        List<String> fired = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        onEventLoop(context, () -> {
            Deadline first = Deadline.after(vertx, 50, () -> fired.add("first"));
            Deadline.after(vertx, 50, () -> fired.add("second"));
            Deadline third = Deadline.after(vertx, 50, () -> fired.add("third"));
            Deadline.after(vertx, 50, () -> fired.add("fourth"));
            Deadline.after(vertx, 80, () -> {
                fired.add("other timeout");
                last.countDown();
            });
            first.cancel(); // the head: the list's armed task must still fire the ones after it
            third.cancel(); // the middle
            third.cancel(); // twice is harmless
            return null;
        });

        assertTrue(last.await(5, TimeUnit.SECONDS), "the last deadline never fired");
        assertEquals(List.of("second", "fourth", "other timeout"), fired);
    }

    @Test
    void a_deadline_set_after_the_head_was_cancelled_still_fires_on_time() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Long> firedAt = new CompletableFuture<>();
        long[] setAt = new long[1];
        onEventLoop(context, () -> {
            Deadline.after(vertx, 300, () -> { }).cancel(); // leaves a task armed for its time
            return null;
        });
        Thread.sleep(100);
        onEventLoop(context, () -> {
            setAt[0] = System.nanoTime();
            return Deadline.after(vertx, 300, () -> firedAt.complete(System.nanoTime()));
        });

        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(firedAt.get(5, TimeUnit.SECONDS) - setAt[0]);
        assertTrue(waitedMillis >= 300, "fired after " + waitedMillis + " ms, before its 300 ms");
    }

    @Test
    void a_deadline_cancelled_from_another_thread_never_fires() throws Exception {
        Context context = vertx.getOrCreateContext();
        CountDownLatch cancelledFired = new CountDownLatch(1);
        CompletableFuture<Boolean> later = new CompletableFuture<>();
        Deadline deadline = onEventLoop(context, () -> {
            Deadline.after(vertx, 250, () -> later.complete(true));
            return Deadline.after(vertx, 150, cancelledFired::countDown);
        });
        deadline.cancel(); // from the test's thread

        assertTrue(later.get(5, TimeUnit.SECONDS), "the other deadline never fired");
        assertTrue(!cancelledFired.await(100, TimeUnit.MILLISECONDS), "a deadline cancelled from another thread fired");
    }

    @Test
    void off_an_event_loop_a_deadline_still_fires_and_cancels() throws Exception {
        CompletableFuture<Boolean> fired = new CompletableFuture<>();
        Deadline.after(vertx, 20, () -> fired.complete(true));
        CountDownLatch cancelledFired = new CountDownLatch(1);
        Deadline.after(vertx, 20, cancelledFired::countDown).cancel();

        assertTrue(fired.get(5, TimeUnit.SECONDS));
        assertTrue(!cancelledFired.await(200, TimeUnit.MILLISECONDS), "a cancelled deadline fired");
    }
}
