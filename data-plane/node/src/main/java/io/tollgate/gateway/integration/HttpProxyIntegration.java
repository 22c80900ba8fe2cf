package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.AuthorizerContext;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.pipeline.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Set;

/**
 * Passes the request through to an upstream, streaming both bodies: URL from the template (path
 * parameters, stage variables), the client's query string appended, end-to-end headers forwarded
 * with {@code X-Forwarded-*}, the request id and a {@code traceparent} added.
 *
 * <p>The integration timeout covers everything up to the upstream's response headers (then 504).
 * A connection that cannot be made answers 502; idempotent requests are tried once more (on
 * another target of a pool when there is one), since nothing reached the upstream yet.
 */
final class HttpProxyIntegration implements Integration {

    static final String REQUEST_ID_HEADER = "x-request-id";
    private static final Headers.Names NOT_FORWARDED = Headers.skipping(java.util.stream.Stream.concat(
            java.util.stream.Stream.of("host", "content-length", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
                    REQUEST_ID_HEADER), AuthorizerContext.HEADERS.stream()).toList());
    // written on every proxied request and response: names Netty encodes once, not per request
    private static final CharSequence REQUEST_ID_NAME = HttpHeaders.createOptimized(REQUEST_ID_HEADER);
    private static final CharSequence FORWARDED_FOR = HttpHeaders.createOptimized("x-forwarded-for");
    private static final CharSequence FORWARDED_PROTO = HttpHeaders.createOptimized("x-forwarded-proto");
    private static final CharSequence FORWARDED_HOST = HttpHeaders.createOptimized("x-forwarded-host");
    private static final CharSequence TRACEPARENT = HttpHeaders.createOptimized("traceparent");
    private static final CharSequence HTTP = HttpHeaders.createOptimized("http");
    private static final CharSequence HTTPS = HttpHeaders.createOptimized("https");
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final HttpClient client;
    private final CircuitBreakers breakers;
    private final UriTemplate template;
    private final TargetPool pool;
    private final long timeoutMillis;
    private final long maxBodyBytes;
    /** The breaker of the one upstream, when the URI's origin has no placeholder (the common case). */
    private final CircuitBreaker staticBreaker;
    /** The one upstream's address, when the URI's origin has no placeholder and there is no pool; else null. */
    private final StaticOrigin staticOrigin;

    /** Scheme, host and port read once from the URI, and the template of what follows them. */
    private record StaticOrigin(String url, boolean ssl, String host, int port, UriTemplate rest) {
        static StaticOrigin of(UriTemplate template) {
            URI origin = URI.create(template.staticOrigin());
            boolean ssl = "https".equalsIgnoreCase(origin.getScheme());
            if (origin.getHost() == null || !ssl && !"http".equalsIgnoreCase(origin.getScheme())) {
                return null; // left to the client's own parsing (and its error) per request
            }
            int port = origin.getPort() >= 0 ? origin.getPort() : ssl ? 443 : 80;
            return new StaticOrigin(template.staticOrigin(), ssl, origin.getHost(), port, template.withoutOrigin());
        }
    }

    HttpProxyIntegration(HttpClient client, CircuitBreakers breakers, ActiveHealthChecks healthChecks,
            IntegrationConfig.HttpProxy config, long maxBodyBytes) {
        this.client = client;
        this.breakers = breakers;
        this.template = new UriTemplate(config.uri());
        this.pool = config.targets().isEmpty() ? null : new TargetPool(config.targets(), config.loadBalancing(),
                config.healthCheck() == null || healthChecks == null ? url -> null : url -> healthChecks.track(url, config.healthCheck()));
        this.timeoutMillis = config.timeoutMillis();
        this.maxBodyBytes = maxBodyBytes;
        this.staticBreaker = pool == null && breakers != null && template.hasStaticOrigin() ? breakers.forUrl(template.staticOrigin()) : null;
        StaticOrigin origin = null;
        if (pool == null && template.hasStaticOrigin()) {
            try {
                origin = StaticOrigin.of(template);
            } catch (IllegalArgumentException notAUri) {
                origin = null;
            }
        }
        this.staticOrigin = origin;
    }

    /** Looked up once per request at most; URL parsing stays off the hot path where it can. */
    private CircuitBreaker breakerFor(String url) {
        return staticBreaker != null ? staticBreaker : breakers.forUrl(url);
    }

    /** Bodies up to this size are read whole and written with the headers; larger ones stream. */
    private static final long SMALL_BODY_BYTES = 64 * 1024;

    /** Small bodies, and those a tap (the response cache) wants to see whole. */
    private static boolean readWhole(String contentLength, long wanted) {
        try {
            return Long.parseLong(contentLength) <= Math.max(SMALL_BODY_BYTES, wanted);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void invoke(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        request.pause(); // the body waits until the upstream connection is there to take it
        Attempt attempt = new Attempt(exchange);
        attempt.timer = Deadline.after(exchange.vertx(), timeoutMillis, attempt::timedOut);
        exchange.response().closeHandler(closed -> attempt.clientGone());
        attempt.start(IDEMPOTENT.contains(request.method()) ? 1 : 0);
    }

    /** One request to the upstream (and its retry), with the state a timeout needs. */
    private final class Attempt {
        final Exchange exchange;
        Deadline timer;
        boolean finished;
        HttpClientRequest upstreamRequest;
        TargetPool.Target target;
        CircuitBreaker breaker;
        final long startNanos = System.nanoTime();

        Attempt(Exchange exchange) {
            this.exchange = exchange;
        }

        void start(int retriesLeft) {
            HttpServerRequest request = exchange.request();
            RequestOptions options = new RequestOptions().setMethod(request.method());
            if (staticOrigin != null) {
                // the common case: host and port known since the configuration was compiled
                breaker = staticBreaker != null ? staticBreaker : breakers.forUrl(staticOrigin.url());
                options.setSsl(staticOrigin.ssl()).setHost(staticOrigin.host()).setPort(staticOrigin.port())
                        .setURI(withQuery(staticOrigin.rest().expand(exchange.pathParameters(), exchange.stageVariables())));
            } else {
                String url;
                try {
                    url = url();
                    options.setAbsoluteURI(url);
                } catch (IllegalArgumentException badUrl) {
                    finish(GatewayError.INTEGRATION_FAILURE);
                    return;
                }
                breaker = breakerFor(url);
            }
            if (!breaker.allowRequest(System.nanoTime())) {
                finish(GatewayError.UPSTREAM_UNAVAILABLE); // fail fast: the upstream failed too often
                return;
            }
            if (target != null) {
                target.outstanding.incrementAndGet();
            }
            client.request(options).onComplete(connected -> {
                if (finished) {
                    if (connected.succeeded()) {
                        connected.result().reset();
                    }
                    return;
                }
                if (connected.failed()) {
                    breaker.failed(System.nanoTime());
                    released();
                    if (pool != null) {
                        pool.failedToConnect(target, System.nanoTime());
                    }
                    if (retriesLeft > 0) {
                        start(retriesLeft - 1);
                    } else {
                        finish(GatewayError.BAD_GATEWAY);
                    }
                    return;
                }
                if (pool != null) {
                    pool.succeeded(target);
                }
                send(connected.result());
            });
        }

        private String url() {
            String expanded = template.expand(exchange.pathParameters(), exchange.stageVariables());
            if (pool != null) {
                target = pool.choose(System.nanoTime());
                URI uri = URI.create(expanded);
                String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
                expanded = target.baseUrl + rest + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
            return withQuery(expanded);
        }

        /** The client's query string appended to the expanded URI. */
        private String withQuery(String expanded) {
            String query = exchange.request().query();
            if (query != null && !query.isEmpty()) {
                expanded += (expanded.indexOf('?') < 0 ? "?" : "&") + query;
            }
            return expanded;
        }

        private void send(HttpClientRequest upstream) {
            upstreamRequest = upstream;
            HttpServerRequest request = exchange.request();
            MultiMap headers = upstream.headers();
            Headers.copyEndToEnd(request.headers(), headers, NOT_FORWARDED);
            String forwardedFor = request.getHeader("x-forwarded-for");
            String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
            // the headers below were left out of the copy: add, no need to replace
            headers.add(FORWARDED_FOR, forwardedFor == null ? client : forwardedFor + ", " + client);
            headers.add(FORWARDED_PROTO, request.isSSL() ? HTTPS : HTTP);
            if (request.host() != null) {
                headers.add(FORWARDED_HOST, request.host());
            }
            headers.add(REQUEST_ID_NAME, exchange.requestId());
            if (exchange.authorizer() != null) {
                exchange.authorizer().upstreamHeaders().forEach(headers::set);
            }
            if (!headers.contains(TRACEPARENT)) {
                headers.add(TRACEPARENT, RequestIds.newTraceparent());
            }
            Buffer buffered = exchange.bufferedBody(); // read whole by a policy (validation) before
            String length = buffered != null ? String.valueOf(buffered.length()) : request.getHeader("content-length");
            boolean chunked = buffered == null && request.headers().contains("transfer-encoding", "chunked", true);
            if (length != null) {
                headers.set("content-length", length);
            }
            // a declared length over the limit was refused before; a chunked body is counted as it flows
            LimitedBody body = chunked ? new LimitedBody(request, maxBodyBytes) : null;
            (buffered != null ? upstream.send(buffered) : length != null ? upstream.send(request) : chunked ? upstream.send(body)
                    : upstream.send()).onComplete(answered -> {
                if (finished) {
                    return;
                }
                if (body != null && body.exceeded()) {
                    upstream.reset();
                    finish(GatewayError.PAYLOAD_TOO_LARGE);
                    return;
                }
                if (answered.failed()) {
                    breaker.failed(System.nanoTime());
                    finish(GatewayError.BAD_GATEWAY);
                    return;
                }
                breaker.succeeded();
                respond(answered.result());
            });
        }

        private void respond(HttpClientResponse upstream) {
            finished = true;
            exchange.integrationTook(System.nanoTime() - startNanos);
            timer.cancel();
            HttpServerResponse response = exchange.response().setStatusCode(upstream.statusCode());
            Headers.copyEndToEnd(upstream.headers(), response.headers(), Headers.HOP_BY_HOP_ONLY);
            response.putHeader(REQUEST_ID_NAME, exchange.requestId());
            String length = upstream.getHeader("content-length");
            if (length != null && readWhole(length, exchange.wholeResponseWanted()) && exchange.request().method() != HttpMethod.HEAD) {
                // small bodies (most API answers) in one write with the headers: one flush, no pipe
                upstream.body().onComplete(body -> {
                    released();
                    if (body.succeeded()) {
                        exchange.endResponse(body.result());
                    } else {
                        upstream.request().reset();
                        response.reset();
                    }
                });
                return;
            }
            if (length == null && exchange.request().method() != HttpMethod.HEAD) {
                response.setChunked(true);
            }
            response.send(upstream).onComplete(done -> {
                released();
                if (done.failed()) { // the client went away mid-body: don't pool a half-read connection
                    upstream.request().reset();
                }
            });
        }

        /** The client closed its connection: stop waiting for (and close) the upstream request. */
        void clientGone() {
            if (finished) {
                return;
            }
            finished = true;
            timer.cancel();
            released();
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
        }

        void timedOut() {
            if (finished) {
                return;
            }
            if (breaker != null) {
                breaker.failed(System.nanoTime());
            }
            finish(GatewayError.INTEGRATION_TIMEOUT); // first: the reset below fails the pending send
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
        }

        private void finish(GatewayError error) {
            if (finished) {
                return;
            }
            finished = true;
            timer.cancel();
            released();
            exchange.request().resume();
            exchange.fail(error);
        }

        private void released() {
            if (target != null) {
                target.outstanding.decrementAndGet();
                target = null;
            }
        }
    }
}
