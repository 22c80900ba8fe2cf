package io.tollgate.gateway.integration;

import io.tollgate.gateway.pipeline.Exchange;

/** Calls what a route integrates with and writes the response (or a gateway error). */
public interface Integration {

    void invoke(Exchange exchange);
}
