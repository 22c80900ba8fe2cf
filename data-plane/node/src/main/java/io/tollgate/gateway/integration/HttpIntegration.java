package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.integration.mapping.ParameterMapping;
import io.tollgate.gateway.integration.mapping.MappingTemplate;
import io.tollgate.gateway.integration.mapping.ParameterSource;
import io.tollgate.gateway.integration.mapping.TemplateInput;
import io.tollgate.gateway.policy.BoundedBody;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(HttpIntegration.class);
    /** The largest integration response a response template maps (the cloud gateway's payload limit). */
    static final long MAX_MAPPED_RESPONSE_BYTES = 10L * 1024 * 1024;

    private final HttpClient client;
    private final IntegrationConfig.Http config;
    private final UriTemplate template;
    private final ParameterMapping request;
    private final ParameterMapping response;
    private final Map<String, MappingTemplate> requestTemplates;
    private final Map<String, MappingTemplate> responseTemplates;
    private final long maxBodyBytes;

    HttpIntegration(HttpClient client, IntegrationConfig.Http config, long maxBodyBytes) {
        this.client = client;
        this.config = config;
        this.template = new UriTemplate(config.uri());
        this.request = ParameterMapping.parse(config.requestParameters());
        this.response = ParameterMapping.parse(config.responseParameters());
        this.requestTemplates = compile("request", config.requestTemplates());
        this.responseTemplates = compile("response", config.responseTemplates());
        this.maxBodyBytes = maxBodyBytes;
    }

    private static Map<String, MappingTemplate> compile(String kind, Map<String, String> templates) {
        Map<String, MappingTemplate> compiled = new HashMap<>();
        templates.forEach((contentType, source) -> compiled.put(mediaType(contentType),
                MappingTemplate.compile(kind + " template " + contentType, source)));
        return Map.copyOf(compiled);
    }

    /** The media type without parameters, lower case; JSON when there is none (as the cloud gateway assumes). */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/json";
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void invoke(Exchange exchange) {
        HttpServerRequest incoming = exchange.request();
        incoming.pause();
        if (requestTemplates.isEmpty()) {
            send(exchange, null);
            return;
        }
        exchange.body(maxBodyBytes).onComplete(read -> {
            if (read.failed()) {
                exchange.fail(read.cause() instanceof Exchange.BodyTooLarge ? GatewayError.PAYLOAD_TOO_LARGE : GatewayError.INTERNAL);
                return;
            }
            MappingTemplate mapping = requestTemplates.get(mediaType(incoming.getHeader("content-type")));
            if (mapping == null) {
                send(exchange, null); // no template for this content type: the body passes through
                return;
            }
            String mapped = render(exchange, mapping, read.result().toString());
            if (mapped != null) {
                send(exchange, Buffer.buffer(mapped));
            }
        });
    }

    /** @return the rendered template, or null when it failed (the exchange has been answered) */
    private static String render(Exchange exchange, MappingTemplate mapping, String body) {
        try {
            return mapping.render(exchange, new TemplateInput(body, exchange.pathParameters(), queryStrings(exchange.request()),
                    headers(exchange.request())));
        } catch (RuntimeException e) {
            LOG.errorf("%s of route %s (request %s) failed: %s", mapping.name(), exchange.route().id(), exchange.requestId(),
                    e.getMessage());
            exchange.fail(GatewayError.INTERNAL);
            return null;
        }
    }

    private static Map<String, String> queryStrings(HttpServerRequest request) {
        Map<String, String> values = new HashMap<>();
        request.params().forEach(p -> values.putIfAbsent(p.getKey(), p.getValue()));
        return values;
    }

    private static Map<String, String> headers(HttpServerRequest request) {
        Map<String, String> values = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(h -> values.putIfAbsent(h.getKey(), h.getValue()));
        return values;
    }

    /** Sends the integration request; {@code mapped} is the rendered body, null to send the request's own. */
    private void send(Exchange exchange, Buffer mapped) {
        HttpServerRequest incoming = exchange.request();
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
        Buffer buffered = mapped != null ? mapped : exchange.bufferedBody(); // mapped, or read whole by validation
        String length = buffered != null ? String.valueOf(buffered.length()) : incoming.getHeader("content-length");
        boolean chunked = buffered == null && incoming.headers().contains("transfer-encoding", "chunked", true);
        if (length != null) {
            headers.set("content-length", length);
        }
        RequestOptions options = new RequestOptions()
                .setMethod(config.method() == null ? incoming.method() : HttpMethod.valueOf(config.method()))
                .setAbsoluteURI(url).setHeaders(headers);
        long start = System.nanoTime();
        boolean[] finished = {false};
        Deadline timer = Deadline.after(exchange.vertx(), config.timeoutMillis(), () -> {
            if (!finished[0]) {
                finished[0] = true;
                incoming.resume();
                exchange.fail(GatewayError.INTEGRATION_TIMEOUT);
            }
        });
        client.request(options)
                .compose(upstream -> buffered != null ? upstream.send(buffered)
                        : length != null || chunked ? upstream.send(incoming) : upstream.send())
                .onComplete(answered -> {
                    if (finished[0]) {
                        if (answered.succeeded()) {
                            answered.result().request().reset();
                        }
                        return;
                    }
                    finished[0] = true;
                    timer.cancel();
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
        MappingTemplate mapping = responseTemplates.get(mediaType(contentType));
        if (mapping != null) {
            BoundedBody.of(upstream, MAX_MAPPED_RESPONSE_BYTES).onComplete(read -> {
                if (read.failed()) {
                    exchange.fail(GatewayError.INTEGRATION_FAILURE);
                    return;
                }
                String body = render(exchange, mapping, read.result().toString());
                if (body != null) {
                    out.putHeader("content-length", String.valueOf(Buffer.buffer(body).length())).end(body);
                }
            });
            return;
        }
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
