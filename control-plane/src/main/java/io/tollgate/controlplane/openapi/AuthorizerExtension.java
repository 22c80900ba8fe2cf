package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.controlplane.authorizer.AuthorizerRules;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code x-amazon-apigateway-authorizer} on a security scheme, both ways: jwt ↔ JWT; token and request
 * (Lambda authorizers) ↔ REQUEST. Identity sources are read in both of the cloud gateway's spellings,
 * {@code method.request.header.Auth} (REST APIs) and {@code $request.header.Auth} (HTTP APIs).
 */
final class AuthorizerExtension {

    private static final Map<String, String> IGNORED = Map.of(
            "authorizerCredentials", "Tollgate does not call AWS with IAM roles",
            "identityValidationExpression", "the authorizer itself decides whether a token is well-formed",
            "authorizerPayloadFormatVersion", "Tollgate sends its own request-authorizer payload",
            "enableSimpleResponses", "Tollgate's request authorizers answer in one format");
    private static final String REST_PREFIX = "method.request.";

    private AuthorizerExtension() {
    }

    /** The authorizer named {@code name}; null after reporting a violation. */
    static AuthorizerSpec read(String name, JsonNode x, String at, Findings findings) {
        Set<String> read = new HashSet<>(List.of("type"));
        String type = Nodes.text(x, "type");
        AuthorizerSpec spec = switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "jwt" -> {
                read.addAll(List.of("jwtConfiguration", "identitySource", Extensions.JWKS_URI, Extensions.CLOCK_SKEW_SECONDS));
                JsonNode config = x.get("jwtConfiguration");
                String issuer = Nodes.text(config, "issuer");
                String jwksUri = Nodes.text(x, Extensions.JWKS_URI);
                if (jwksUri == null && issuer != null) {
                    jwksUri = issuer.replaceAll("/+$", "") + "/.well-known/jwks.json";
                    findings.warn(at + ".jwtConfiguration.issuer", "the JWKS URL was assumed to be " + jwksUri
                            + "; set " + Extensions.JWKS_URI + " or change the authorizer if the issuer publishes its keys elsewhere");
                }
                List<String> sources = Nodes.strings(x.get("identitySource"));
                String source = sources == null || sources.isEmpty() ? null : identitySource(sources.get(0));
                if (sources != null && sources.size() > 1) {
                    findings.warn(at + ".identitySource", "ignored all but " + sources.get(0) + ": a JWT authorizer reads one token");
                }
                Integer clockSkew = Nodes.integer(x, Extensions.CLOCK_SKEW_SECONDS);
                if (clockSkew == null && x.hasNonNull(Extensions.CLOCK_SKEW_SECONDS)) {
                    findings.invalid(at + "." + Extensions.CLOCK_SKEW_SECONDS, "must be a whole number of seconds");
                }
                for (String field : Nodes.fieldNames(config)) {
                    if (!field.equals("issuer") && !field.equals("audience")) {
                        findings.warn(at + ".jwtConfiguration." + field, "ignored: not understood");
                    }
                }
                yield new AuthorizerSpec(name, "JWT", issuer, Nodes.strings(config == null ? null : config.get("audience")),
                        jwksUri, null, null, null, source, clockSkew);
            }
            case "token", "request" -> {
                read.addAll(List.of("authorizerUri", "identitySource", "authorizerResultTtlInSeconds"));
                List<String> sources = Nodes.strings(x.get("identitySource"));
                yield new AuthorizerSpec(name, "REQUEST", null, null, null,
                        IntegrationExtension.functionUri(Nodes.text(x, "authorizerUri"), at + ".authorizerUri", findings), null == sources
                        ? List.of() : sources.stream().map(AuthorizerExtension::identitySource).toList(),
                        Nodes.integer(x, "authorizerResultTtlInSeconds"), null, null);
            }
            case "cognito_user_pools" -> {
                findings.invalid(at + ".type", "Cognito user pool authorizers are not supported; use a jwt authorizer with the "
                        + "user pool as issuer");
                yield null;
            }
            default -> {
                findings.invalid(at + ".type", "must be one of jwt, token, request");
                yield null;
            }
        };
        for (String field : Nodes.fieldNames(x)) {
            if (!read.contains(field)) {
                findings.warn(at + "." + field, "ignored: " + IGNORED.getOrDefault(field, "not understood"));
            }
        }
        return spec;
    }

    /** {@code method.request.header.Auth} → {@code $request.header.Auth}; other spellings stay. */
    private static String identitySource(String source) {
        if (source.startsWith(REST_PREFIX)) {
            return "$request." + source.substring(REST_PREFIX.length());
        }
        if (source.startsWith("context.") || source.startsWith("stageVariables.")) {
            return "$" + source;
        }
        return source;
    }

    /** The security scheme of an authorizer, as the cloud gateway exports it for an API of that kind. */
    static ObjectNode write(AuthorizerSpec spec, boolean httpApi, boolean extensions) {
        ObjectNode scheme = Nodes.object();
        ObjectNode x = Nodes.object();
        if (spec.type().equals("JWT")) {
            scheme.put("type", "oauth2");
            scheme.putObject("flows");
            x.put("type", "jwt").put("identitySource", spec.identitySource() == null
                    ? AuthorizerRules.DEFAULT_JWT_IDENTITY_SOURCE : spec.identitySource());
            ObjectNode config = x.putObject("jwtConfiguration").put("issuer", spec.issuer());
            spec.audiences().forEach(config.putArray("audience")::add);
            x.put(Extensions.JWKS_URI, spec.jwksUri());
            if (spec.clockSkewSeconds() != null) {
                x.put(Extensions.CLOCK_SKEW_SECONDS, spec.clockSkewSeconds());
            }
        } else {
            String firstHeader = spec.identitySources().stream().filter(s -> s.startsWith("$request.header."))
                    .map(s -> s.substring("$request.header.".length())).findFirst().orElse("Authorization");
            scheme.put("type", "apiKey").put("name", firstHeader).put("in", "header");
            if (extensions) {
                scheme.put(Extensions.AUTHTYPE, "custom");
            }
            x.put("type", "request").put("authorizerUri", spec.uri());
            if (httpApi) {
                spec.identitySources().forEach(x.putArray("identitySource")::add);
            } else if (!spec.identitySources().isEmpty()) {
                x.put("identitySource", spec.identitySources().stream()
                        .map(s -> s.startsWith("$request.") ? REST_PREFIX + s.substring("$request.".length()) : s.substring(1))
                        .collect(Collectors.joining(", ")));
            }
            x.put("authorizerResultTtlInSeconds", spec.resultTtlSeconds());
        }
        if (extensions) {
            scheme.set(Extensions.AUTHORIZER, x);
        }
        return scheme;
    }
}
