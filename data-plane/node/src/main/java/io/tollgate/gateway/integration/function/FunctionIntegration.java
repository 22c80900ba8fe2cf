package io.tollgate.gateway.integration.function;

import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.integration.Integration;
import io.tollgate.gateway.pipeline.Exchange;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls a function behind a URL with the Lambda-proxy event (format 1.0 or 2.0) and answers with
 * what the function returned. The request body is buffered (the event carries it), up to the
 * node's body limit; the timeout covers the whole call.
 */
public final class FunctionIntegration implements Integration {

    private final HttpClient client;
    private final IntegrationConfig.Function config;
    private final long maxBodyBytes;

    public FunctionIntegration(HttpClient client, IntegrationConfig.Function config, long maxBodyBytes) {
        this.client = client;
        this.config = config;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void invoke(Exchange exchange) {
        exchange.body(maxBodyBytes).onComplete(read -> {
            if (read.succeeded()) {
                call(exchange, read.result().getBytes());
            } else {
                exchange.fail(read.cause() instanceof Exchange.BodyTooLarge ? GatewayError.PAYLOAD_TOO_LARGE : GatewayError.BAD_GATEWAY);
            }
        });
    }

    private void call(Exchange exchange, byte[] body) {
        String payload = LambdaEvents.event(config.payloadFormatVersion(), functionRequest(exchange, body)).encode();
        boolean[] finished = {false};
        long startNanos = System.nanoTime();
        long timer = exchange.vertx().setTimer(config.timeoutMillis(), id -> {
            if (!finished[0]) {
                finished[0] = true;
                exchange.fail(GatewayError.INTEGRATION_TIMEOUT);
            }
        });
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(config.uri())
                .putHeader("content-type", "application/json").putHeader("x-request-id", exchange.requestId());
        client.request(options)
                .compose(call -> call.send(payload))
                .compose(response -> response.body().map(answer -> new Object[] {response.statusCode(), answer}))
                .onComplete(outcome -> {
                    if (finished[0]) {
                        return;
                    }
                    finished[0] = true;
                    exchange.vertx().cancelTimer(timer);
                    exchange.integrationTook(System.nanoTime() - startNanos);
                    if (outcome.failed()) {
                        exchange.fail(GatewayError.BAD_GATEWAY);
                        return;
                    }
                    int status = (int) outcome.result()[0];
                    if (status / 100 != 2) { // the function itself failed
                        exchange.fail(GatewayError.INTEGRATION_FAILURE);
                        return;
                    }
                    respond(exchange, ((Buffer) outcome.result()[1]).getBytes());
                });
    }

    private void respond(Exchange exchange, byte[] answer) {
        FunctionResult result;
        try {
            result = FunctionResult.parse(config.payloadFormatVersion(), answer);
        } catch (FunctionResult.MalformedResult malformed) {
            exchange.fail(GatewayError.INTEGRATION_FAILURE);
            return;
        }
        HttpServerResponse response = exchange.response().setStatusCode(result.statusCode());
        result.headers().forEach(header -> response.headers().add(header.getKey(), header.getValue()));
        response.putHeader("x-request-id", exchange.requestId());
        response.end(Buffer.buffer(result.body()));
    }

    private static FunctionRequest functionRequest(Exchange exchange, byte[] body) {
        HttpServerRequest request = exchange.request();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.headers().forEach(header -> headers.add(Map.entry(header.getKey(), header.getValue())));
        List<Map.Entry<String, String>> query = new ArrayList<>();
        request.params().forEach(parameter -> query.add(Map.entry(parameter.getKey(), parameter.getValue())));
        String host = request.host() == null ? null : request.host().replaceFirst(":\\d+$", "");
        return new FunctionRequest(request.method().name(), request.path(), exchange.routePath(),
                exchange.routeTemplate(), request.query(), query, headers, body,
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(), exchange.requestId(),
                exchange.stage().config().apiId(), exchange.stage().config().name(), host, Instant.now(),
                exchange.pathParameters(), exchange.stageVariables());
    }
}
