package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.gateway.integration.function.FunctionIntegration;
import io.vertx.core.http.HttpClient;

/** Compiles an integration's configuration into the object that runs it. */
public final class IntegrationFactory {

    private final HttpClient upstreams;
    private final CircuitBreakers breakers;
    private final long maxBodyBytes;

    /**
     * @param upstreams    the node's one pooled, keep-alive client for every upstream
     * @param breakers     the node's circuit breakers, one per upstream origin
     * @param maxBodyBytes the most an integration that buffers the request body may take
     */
    public IntegrationFactory(HttpClient upstreams, CircuitBreakers breakers, long maxBodyBytes) {
        this.upstreams = upstreams;
        this.breakers = breakers;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Integration create(IntegrationConfig config) {
        return switch (config) {
            case IntegrationConfig.Mock mock -> new MockIntegration(mock);
            case IntegrationConfig.HttpProxy proxy -> new HttpProxyIntegration(upstreams, breakers, proxy, maxBodyBytes);
            case IntegrationConfig.Http http -> new HttpIntegration(upstreams, http);
            case IntegrationConfig.Function function -> new FunctionIntegration(upstreams, function, maxBodyBytes);
        };
    }
}
