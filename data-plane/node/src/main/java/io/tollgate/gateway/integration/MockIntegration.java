package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.gateway.pipeline.Exchange;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** Answers from the configuration alone; the body is prepared once, not per request. */
final class MockIntegration implements Integration {

    private final IntegrationConfig.Mock config;
    private final Buffer body;

    MockIntegration(IntegrationConfig.Mock config) {
        this.config = config;
        this.body = Buffer.buffer(config.body());
    }

    @Override
    public void invoke(Exchange exchange) {
        HttpServerResponse response = exchange.response().setStatusCode(config.statusCode());
        config.headers().forEach(response::putHeader);
        exchange.endResponse(body.copy());
    }
}
