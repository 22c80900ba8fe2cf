package io.tollgate.controlplane.authorizer;

import io.tollgate.controlplane.api.ApiRules;
import io.tollgate.controlplane.problem.Violations;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** What a valid authorizer is: plain rules, no database. */
public final class AuthorizerRules {

    public static final List<String> TYPES = List.of("JWT", "REQUEST");
    public static final int DEFAULT_RESULT_TTL_SECONDS = 300;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    /** Where the cloud gateway reads identities: request headers, query strings, context and stage variables. */
    private static final Pattern IDENTITY_SOURCE = Pattern.compile(
            "\\$(request\\.(header|querystring)|context|stageVariables)\\.[A-Za-z0-9_.-]{1,128}");

    /** Where a JWT authorizer reads the token: one request header or query string, as the node's JWT check reads it. */
    private static final Pattern JWT_IDENTITY_SOURCE = Pattern.compile(
            "\\$request\\.(header\\.[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}|querystring\\.[A-Za-z0-9_.~-]{1,128})");
    public static final String DEFAULT_JWT_IDENTITY_SOURCE = "$request.header.Authorization";
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    public static final int MAX_CLOCK_SKEW_SECONDS = 600;

    private AuthorizerRules() {
    }

    public static AuthorizerSpec check(AuthorizerSpec spec) {
        Violations v = new Violations();
        if (v.required(spec.name(), "name")) {
            v.matches(spec.name(), NAME, "name", "must be 1–128 letters, digits, '.', '_' or '-'");
        }
        String type = ApiRules.oneOf(v, spec.type(), TYPES, "type", null);
        AuthorizerSpec normalized = spec;
        if ("JWT".equals(type)) {
            url(v, spec.issuer(), "issuer");
            v.strings(spec.audiences(), 256, "audiences");
            url(v, spec.jwksUri(), "jwksUri");
            notFor(v, type, spec.uri(), "uri");
            notFor(v, type, spec.identitySources(), "identitySources");
            notFor(v, type, spec.resultTtlSeconds(), "resultTtlSeconds");
            String source = spec.identitySource() == null ? DEFAULT_JWT_IDENTITY_SOURCE : spec.identitySource().strip();
            v.reject(!JWT_IDENTITY_SOURCE.matcher(source).matches(), "identitySource",
                    "must look like $request.header.Name or $request.querystring.name");
            v.between(spec.clockSkewSeconds(), 0, MAX_CLOCK_SKEW_SECONDS, "clockSkewSeconds");
            normalized = new AuthorizerSpec(spec.name(), type, spec.issuer(),
                    spec.audiences() == null ? List.of() : spec.audiences(), spec.jwksUri(), null, null, null, source,
                    spec.clockSkewSeconds() == null ? DEFAULT_CLOCK_SKEW_SECONDS : spec.clockSkewSeconds());
        } else if ("REQUEST".equals(type)) {
            url(v, spec.uri(), "uri");
            List<String> sources = spec.identitySources() == null ? List.of() : spec.identitySources();
            for (int i = 0; i < sources.size(); i++) {
                v.reject(sources.get(i) == null || !IDENTITY_SOURCE.matcher(sources.get(i)).matches(), "identitySources[" + i + "]",
                        "must look like $request.header.Name, $request.querystring.name, $context.x or $stageVariables.x");
            }
            v.between(spec.resultTtlSeconds(), 0, 3600, "resultTtlSeconds");
            notFor(v, type, spec.issuer(), "issuer");
            notFor(v, type, spec.audiences(), "audiences");
            notFor(v, type, spec.jwksUri(), "jwksUri");
            notFor(v, type, spec.identitySource(), "identitySource");
            notFor(v, type, spec.clockSkewSeconds(), "clockSkewSeconds");
            normalized = new AuthorizerSpec(spec.name(), type, null, null, null, spec.uri(), sources,
                    spec.resultTtlSeconds() == null ? DEFAULT_RESULT_TTL_SECONDS : spec.resultTtlSeconds(), null, null);
        }
        v.throwIfAny();
        return normalized;
    }

    private static void notFor(Violations v, String type, Object value, String field) {
        v.reject(value != null, field, "does not apply to " + type + " authorizers");
    }

    private static void url(Violations v, String value, String field) {
        if (!v.required(value, field)) {
            return;
        }
        try {
            URI uri = new URI(value);
            v.reject(uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())),
                    field, "must be an absolute http or https URL");
        } catch (Exception e) {
            v.add(field, "must be an absolute http or https URL");
        }
    }
}
