package io.tollgate.gateway.integration.mapping;

import io.tollgate.gateway.pipeline.Exchange;
import java.util.Locale;

/**
 * Where a mapped parameter's value comes from, parsed once from the cloud gateway's two notations:
 * REST APIs ({@code method.request.header.X}, {@code method.request.querystring.X},
 * {@code method.request.path.X}, {@code stageVariables.X}, {@code context.requestId}, {@code 'static'})
 * and HTTP APIs ({@code $request.header.X}, {@code $request.querystring.X}, {@code $request.path.X},
 * {@code $stageVariables.X}, {@code $context.requestId}, or plain static text).
 */
public sealed interface ParameterSource {

    /** The value for this request, or null when the source has none. */
    String value(Exchange exchange);

    record Static(String text) implements ParameterSource {
        @Override
        public String value(Exchange exchange) {
            return text;
        }
    }

    record RequestHeader(String name) implements ParameterSource {
        @Override
        public String value(Exchange exchange) {
            return exchange.request().getHeader(name);
        }
    }

    record RequestQuery(String name) implements ParameterSource {
        @Override
        public String value(Exchange exchange) {
            return exchange.request().getParam(name);
        }
    }

    record RequestPath(String name) implements ParameterSource {
        @Override
        public String value(Exchange exchange) {
            return exchange.pathParameters().get(name);
        }
    }

    record StageVariable(String name) implements ParameterSource {
        @Override
        public String value(Exchange exchange) {
            return exchange.stageVariables().get(name);
        }
    }

    record Context(String name) implements ParameterSource {
        @Override
        public String value(Exchange exchange) {
            return switch (name) {
                case "requestId" -> exchange.requestId();
                case "stage" -> exchange.stage().config().name();
                case "apiId" -> exchange.stage().config().apiId();
                case "httpMethod" -> exchange.request().method().name();
                case "resourcePath", "routeKey" -> exchange.routeTemplate();
                case "path" -> exchange.request().path();
                case "identity.sourceIp" -> exchange.request().remoteAddress() == null ? null
                        : exchange.request().remoteAddress().hostAddress();
                case "identity.userAgent" -> exchange.request().getHeader("user-agent");
                default -> name.startsWith("authorizer.") && exchange.authorizer() != null
                        ? exchange.authorizer().value(name.substring("authorizer.".length())) : null;
            };
        }
    }

    /** A response header of the integration, for response parameter mapping. */
    record IntegrationResponseHeader(String name) implements ParameterSource {
        @Override
        public String value(Exchange exchange) {
            throw new UnsupportedOperationException("read from the integration response, not the exchange");
        }
    }

    static ParameterSource parse(String expression) {
        String e = expression.trim();
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
            return new Static(e.substring(1, e.length() - 1));
        }
        String rest;
        if ((rest = after(e, "method.request.header.", "$request.header.")) != null) {
            return new RequestHeader(rest);
        }
        if ((rest = after(e, "method.request.querystring.", "$request.querystring.")) != null) {
            return new RequestQuery(rest);
        }
        if ((rest = after(e, "method.request.path.", "$request.path.")) != null) {
            return new RequestPath(rest);
        }
        if ((rest = after(e, "stageVariables.", "$stageVariables.")) != null) {
            return new StageVariable(rest);
        }
        if ((rest = after(e, "context.", "$context.")) != null) {
            return new Context(rest);
        }
        if ((rest = after(e, "integration.response.header.", "$response.header.")) != null) {
            return new IntegrationResponseHeader(rest.toLowerCase(Locale.ROOT));
        }
        if (e.startsWith("method.") || e.startsWith("$") || e.startsWith("integration.")) {
            throw new IllegalArgumentException("unsupported mapping expression: " + expression);
        }
        return new Static(e); // HTTP APIs write static values without quotes
    }

    private static String after(String expression, String restPrefix, String httpPrefix) {
        if (expression.startsWith(restPrefix)) {
            return expression.substring(restPrefix.length());
        }
        if (expression.startsWith(httpPrefix)) {
            return expression.substring(httpPrefix.length());
        }
        return null;
    }
}
