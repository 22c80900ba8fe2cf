package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.vertx.core.http.HttpClient;

/** Compiles an integration's configuration into the object that runs it. */
public final class IntegrationFactory {

    private final HttpClient upstreams;

    /** @param upstreams the node's one pooled, keep-alive client for every upstream */
    public IntegrationFactory(HttpClient upstreams) {
        this.upstreams = upstreams;
    }

    public Integration create(IntegrationConfig config) {
        return switch (config) {
            case IntegrationConfig.Mock mock -> new MockIntegration(mock);
            case IntegrationConfig.HttpProxy proxy -> new HttpProxyIntegration(upstreams, proxy);
            case IntegrationConfig.Http http ->
                    throw new IllegalArgumentException("HTTP integrations (" + http.uri() + ") are not supported by this node version yet");
            case IntegrationConfig.Function function ->
                    throw new IllegalArgumentException("FUNCTION integrations (" + function.uri() + ") are not supported by this node version yet");
        };
    }
}
