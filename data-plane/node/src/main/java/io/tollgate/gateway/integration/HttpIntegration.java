package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.integration.mapping.ParameterMapping;
import io.tollgate.gateway.integration.mapping.ParameterSource;
import io.tollgate.gateway.pipeline.Exchange;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A non-proxy HTTP integration: unlike HTTP_PROXY, only what the parameter mapping names reaches
 * the upstream (headers, query strings, path parameters of the URI template), plus the body and its
 * content type; of the upstream's response, the status, body, content type and the headers the
 * response mapping names come back.
 */
final class HttpIntegration implements Integration {

    private final HttpClient client;
    private final IntegrationConfig.Http config;
    private final UriTemplate template;
    private final ParameterMapping request;
    private final ParameterMapping response;

    HttpIntegration(HttpClient client, IntegrationConfig.Http config) {
        this.client = client;
        this.config = config;
        this.template = new UriTemplate(config.uri());
        this.request = ParameterMapping.parse(config.requestParameters());
        this.response = ParameterMapping.parse(config.responseParameters());
    }

    @Override
    public void invoke(Exchange exchange) {
        HttpServerRequest incoming = exchange.request();
        incoming.pause();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Map<String, String> pathParameters = new HashMap<>();
        StringBuilder query = new StringBuilder();
        for (ParameterMapping.Rule rule : request.rules()) {
            String value = rule.source() == null ? null : rule.source().value(exchange);
            switch (rule.location()) {
                case HEADER -> apply(headers, rule, value);
                case PATH -> {
                    if (value != null) {
                        pathParameters.put(rule.name(), value);
                    }
                }
                case QUERYSTRING -> {
                    if (value != null && rule.action() != ParameterMapping.Action.REMOVE) {
                        query.append(query.isEmpty() ? "" : "&").append(encode(rule.name())).append('=').append(encode(value));
                    }
                }
            }
        }
        String url = template.expand(pathParameters, exchange.stageVariables());
        if (!query.isEmpty()) {
            url += (url.indexOf('?') < 0 ? "?" : "&") + query;
        }
        String contentType = incoming.getHeader("content-type");
        if (contentType != null && !headers.contains("content-type")) {
            headers.set("content-type", contentType);
        }
        String length = incoming.getHeader("content-length");
        boolean chunked = incoming.headers().contains("transfer-encoding", "chunked", true);
        if (length != null) {
            headers.set("content-length", length);
        }
        RequestOptions options = new RequestOptions()
                .setMethod(config.method() == null ? incoming.method() : HttpMethod.valueOf(config.method()))
                .setAbsoluteURI(url).setHeaders(headers);
        long start = System.nanoTime();
        boolean[] finished = {false};
        long timer = exchange.vertx().setTimer(config.timeoutMillis(), id -> {
            if (!finished[0]) {
                finished[0] = true;
                incoming.resume();
                exchange.fail(GatewayError.INTEGRATION_TIMEOUT);
            }
        });
        client.request(options)
                .compose(upstream -> length != null || chunked ? upstream.send(incoming) : upstream.send())
                .onComplete(answered -> {
                    if (finished[0]) {
                        if (answered.succeeded()) {
                            answered.result().request().reset();
                        }
                        return;
                    }
                    finished[0] = true;
                    exchange.vertx().cancelTimer(timer);
                    if (answered.failed()) {
                        incoming.resume();
                        exchange.fail(GatewayError.BAD_GATEWAY);
                        return;
                    }
                    exchange.integrationTook(System.nanoTime() - start);
                    respond(exchange, answered.result());
                });
    }

    private void respond(Exchange exchange, HttpClientResponse upstream) {
        HttpServerResponse out = exchange.response().setStatusCode(upstream.statusCode());
        String contentType = upstream.getHeader("content-type");
        if (contentType != null) {
            out.putHeader("content-type", contentType);
        }
        for (ParameterMapping.Rule rule : response.rules()) {
            if (rule.location() != ParameterMapping.Location.HEADER) {
                continue;
            }
            String value = rule.source() instanceof ParameterSource.IntegrationResponseHeader header
                    ? upstream.getHeader(header.name())
                    : rule.source() == null ? null : rule.source().value(exchange);
            apply(out.headers(), rule, value);
        }
        out.putHeader(HttpProxyIntegration.REQUEST_ID_HEADER, exchange.requestId());
        String length = upstream.getHeader("content-length");
        if (length != null) {
            out.putHeader("content-length", length);
        } else {
            out.setChunked(true);
        }
        out.send(upstream);
    }

    private static void apply(MultiMap headers, ParameterMapping.Rule rule, String value) {
        switch (rule.action()) {
            case REMOVE -> headers.remove(rule.name());
            case APPEND -> {
                if (value != null) {
                    headers.add(rule.name(), value);
                }
            }
            case SET -> {
                if (value != null) {
                    headers.set(rule.name(), value);
                }
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
