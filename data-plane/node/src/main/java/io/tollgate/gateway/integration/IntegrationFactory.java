package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.gateway.integration.function.FunctionIntegration;
import io.vertx.core.http.HttpClient;

/** Compiles an integration's configuration into the object that runs it. */
public final class IntegrationFactory {

    private final HttpClient upstreams;
    private final CircuitBreakers breakers;
    private final ActiveHealthChecks healthChecks;
    private final long maxBodyBytes;

    /**
     * @param upstreams    the node's one pooled, keep-alive client for every upstream
     * @param breakers     the node's circuit breakers, one per upstream origin
     * @param healthChecks the node's active health probes of pool targets
     * @param maxBodyBytes the most an integration that buffers the request body may take
     */
    public IntegrationFactory(HttpClient upstreams, CircuitBreakers breakers, ActiveHealthChecks healthChecks, long maxBodyBytes) {
        this.upstreams = upstreams;
        this.breakers = breakers;
        this.healthChecks = healthChecks;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Marks the start of compiling a configuration (what it uses keeps running afterwards). */
    public void beginCompile() {
        if (healthChecks != null) {
            healthChecks.beginCompile();
        }
    }

    /** Marks its end: resources no configuration uses any more are released. */
    public void endCompile() {
        if (healthChecks != null) {
            healthChecks.endCompile();
        }
    }

    public Integration create(IntegrationConfig config) {
        return switch (config) {
            case IntegrationConfig.Mock mock -> new MockIntegration(mock);
            case IntegrationConfig.HttpProxy proxy -> new HttpProxyIntegration(upstreams, breakers, healthChecks, proxy, maxBodyBytes);
            case IntegrationConfig.Http http -> new HttpIntegration(upstreams, http, maxBodyBytes);
            case IntegrationConfig.Function function -> new FunctionIntegration(upstreams, function, maxBodyBytes);
        };
    }
}
