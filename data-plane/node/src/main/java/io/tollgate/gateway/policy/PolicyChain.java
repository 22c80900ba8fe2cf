package io.tollgate.gateway.policy;

import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;

/**
 * The policies of a deployment in {@link PolicyOrder}, run one after another for each request.
 * Policies that answer at once (most) run in a plain loop; one that has to wait (a token key set,
 * a counter store) continues the chain when it completes, on the request's event loop.
 */
public final class PolicyChain {

    public static final PolicyChain EMPTY = new PolicyChain(List.of());

    private final Policy[] policies;
    private final boolean anyResponsePhase;

    public PolicyChain(List<Policy> policies) {
        this.policies = policies.stream().sorted(Comparator.comparing(Policy::order)).toArray(Policy[]::new);
        this.anyResponsePhase = !policies.isEmpty();
    }

    public int size() {
        return policies.length;
    }

    /** Runs the request phase, then {@code integration} unless a policy stopped the request. */
    public void run(Exchange exchange, Runnable integration) {
        attachResponsePhase(exchange);
        step(exchange, 0, integration);
    }

    /**
     * Lets the policies see the response headers of this exchange, whoever answers it: also the
     * gateway's own 404/405 before any route matched (so a browser can read them under CORS).
     */
    public void attachResponsePhase(Exchange exchange) {
        if (anyResponsePhase) {
            exchange.response().headersEndHandler(ended -> {
                for (Policy policy : policies) {
                    policy.onResponseHeaders(exchange);
                }
            });
        }
    }

    private void step(Exchange exchange, int from, Runnable integration) {
        for (int i = from; i < policies.length; i++) {
            Future<Policy.Rejection> outcome;
            try {
                outcome = policies[i].onRequest(exchange);
            } catch (RuntimeException e) {
                exchange.fail(GatewayError.INTERNAL);
                return;
            }
            if (!outcome.isComplete()) {
                int next = i + 1;
                // no body chunk may arrive while nobody listens; what runs next reads or streams it
                exchange.holdBody();
                outcome.onComplete(done -> {
                    if (settle(exchange, done.failed() ? null : done.result(), done.failed())) {
                        exchange.releaseBody();
                        step(exchange, next, integration);
                    }
                });
                return;
            }
            if (!settle(exchange, outcome.result(), outcome.failed())) {
                return;
            }
        }
        integration.run();
    }

    /** @return whether the request goes on */
    private static boolean settle(Exchange exchange, Policy.Rejection rejection, boolean failed) {
        if (failed) {
            exchange.fail(GatewayError.INTERNAL);
            return false;
        }
        if (rejection == null) {
            return true;
        }
        if (rejection != Policy.ANSWERED_REJECTION) {
            exchange.fail(rejection.error(), rejection.headers());
        }
        return false;
    }
}
