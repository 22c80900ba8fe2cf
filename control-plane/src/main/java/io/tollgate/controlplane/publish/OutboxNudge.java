package io.tollgate.controlplane.publish;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Wakes the outbox relay after every successful write, so that a change reaches the gateway at
 * once rather than at the relay's next interval. A response filter, because the change's
 * transaction has committed by the time its response is written (a nudge before the commit would
 * find nothing to publish); writes without outbox rows cost the relay one empty pass.
 */
public class OutboxNudge {

    @Inject
    OutboxRelay relay;

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (write && response.getStatus() / 100 == 2) {
            relay.nudge();
        }
    }
}
