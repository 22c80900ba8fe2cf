package io.tollgate.controlplane.route;

import io.tollgate.controlplane.api.ApiRules;
import io.tollgate.controlplane.problem.Violations;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a valid route is, besides its path (see {@link RoutePaths}): authorization, integration and
 * validation, checked against what the API defines (authorizers and models). Plain rules, no database;
 * every invalid field is reported at once.
 */
public final class RouteRules {

    public static final List<String> AUTHORIZATION_TYPES = List.of("NONE", "API_KEY", "JWT", "REQUEST");
    public static final List<String> INTEGRATION_TYPES = List.of("HTTP_PROXY", "HTTP", "MOCK", "FUNCTION");
    public static final List<String> LOAD_BALANCING = List.of("WEIGHTED_ROUND_ROBIN", "LEAST_OUTSTANDING_REQUESTS");
    public static final int MIN_TIMEOUT_MILLIS = 50;
    public static final int MAX_TIMEOUT_MILLIS = 29_000;
    private static final Pattern URI_PARAMETER = Pattern.compile("\\{([A-Za-z0-9_.-]+)\\+?}");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");
    private static final Pattern ANY_NAME = Pattern.compile("[^\\s]{1,256}");
    /** A media type without parameters (RFC 6838 names): what the node matches templates against. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
    public static final int MAX_TEMPLATES = 16;
    public static final int MAX_TEMPLATE_LENGTH = 65_536;

    private RouteRules() {
    }

    /** What the API offers a route: its authorizers by id with their type, and its model names. */
    public record ApiContext(Map<String, String> authorizerTypes, Set<String> models) {
    }

    /** Validates and normalizes a route (upper-case enums, defaults filled in). */
    public static RouteSpec check(RouteSpec spec, ApiContext api) {
        Violations v = new Violations();
        String method = RoutePaths.normalizeMethod(v, spec.method());
        RoutePaths.check(v, spec.path(), "path");
        RouteSpec.Authorization authorization = checkAuthorization(v, spec.authorization(), api);
        RouteSpec.Integration integration = null;
        if (v.required(spec.integration(), "integration")) {
            integration = checkIntegration(v, spec.integration(), spec.path() == null ? List.of() : RoutePaths.parameters(spec.path()));
        }
        checkValidation(v, spec.validation(), api);
        v.throwIfAny();
        return new RouteSpec(method, spec.path(), authorization, integration, spec.validation());
    }

    static RouteSpec.Authorization checkAuthorization(Violations v, RouteSpec.Authorization a, ApiContext api) {
        if (a == null) {
            return new RouteSpec.Authorization("NONE", null, List.of(), false);
        }
        String type = ApiRules.oneOf(v, a.type(), AUTHORIZATION_TYPES, "authorization.type", "NONE");
        boolean needsAuthorizer = type.equals("JWT") || type.equals("REQUEST");
        if (needsAuthorizer) {
            if (v.required(a.authorizerId(), "authorization.authorizerId")) {
                String authorizerType = api.authorizerTypes().get(a.authorizerId());
                if (authorizerType == null) {
                    v.add("authorization.authorizerId", "is not an authorizer of this API");
                } else if (!authorizerType.equals(type)) {
                    v.add("authorization.authorizerId", "is a " + authorizerType + " authorizer; " + type + " needs a "
                            + type + " authorizer");
                }
            }
        } else {
            v.reject(a.authorizerId() != null, "authorization.authorizerId", "only JWT and REQUEST authorization use an authorizer");
        }
        List<String> scopes = a.scopes() == null ? List.of() : a.scopes();
        v.reject(!scopes.isEmpty() && !type.equals("JWT"), "authorization.scopes", "only JWT authorization checks scopes");
        v.strings(scopes, 128, "authorization.scopes");
        boolean apiKeyRequired = type.equals("API_KEY") || Boolean.TRUE.equals(a.apiKeyRequired());
        return new RouteSpec.Authorization(type, a.authorizerId(), scopes, apiKeyRequired);
    }

    static RouteSpec.Integration checkIntegration(Violations v, RouteSpec.Integration i, List<String> pathParameters) {
        String type = ApiRules.oneOf(v, i.type(), INTEGRATION_TYPES, "integration.type", null);
        if (type == null) {
            return i;
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("uri", i.uri());
        fields.put("targets", i.targets());
        fields.put("loadBalancing", i.loadBalancing());
        fields.put("healthCheck", i.healthCheck());
        fields.put("timeoutMillis", i.timeoutMillis());
        fields.put("method", i.method());
        fields.put("requestParameters", i.requestParameters());
        fields.put("requestTemplates", i.requestTemplates());
        fields.put("responseParameters", i.responseParameters());
        fields.put("responseTemplates", i.responseTemplates());
        fields.put("statusCode", i.statusCode());
        fields.put("headers", i.headers());
        fields.put("body", i.body());
        fields.put("payloadFormatVersion", i.payloadFormatVersion());
        Set<String> allowed = switch (type) {
            case "HTTP_PROXY" -> Set.of("uri", "targets", "loadBalancing", "healthCheck", "timeoutMillis");
            case "HTTP" -> Set.of("uri", "method", "requestParameters", "requestTemplates", "responseParameters", "responseTemplates",
                    "timeoutMillis");
            case "MOCK" -> Set.of("statusCode", "headers", "body");
            default -> Set.of("uri", "payloadFormatVersion", "timeoutMillis");
        };
        // A field of another kind is a mistake the user should hear about, not something silently dropped.
        fields.forEach((name, value) -> v.reject(value != null && !allowed.contains(name), "integration." + name,
                "does not apply to " + type + " integrations"));
        if (!type.equals("MOCK")) {
            v.between(i.timeoutMillis(), MIN_TIMEOUT_MILLIS, MAX_TIMEOUT_MILLIS, "integration.timeoutMillis");
        }
        Integer timeout = type.equals("MOCK") ? null : i.timeoutMillis() == null ? MAX_TIMEOUT_MILLIS : i.timeoutMillis();
        return switch (type) {
            case "HTTP_PROXY" -> checkHttpProxy(v, i, pathParameters, timeout);
            case "HTTP" -> {
                checkUrl(v, i.uri(), "integration.uri", true);
                String method = i.method() == null ? null : i.method().strip().toUpperCase(java.util.Locale.ROOT);
                v.reject(method != null && (method.equals("ANY") || !RoutePaths.METHODS.contains(method)), "integration.method",
                        "must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                v.stringMap(i.requestParameters(), ANY_NAME, "must be a parameter name without spaces", 1024,
                        "integration.requestParameters");
                Map<String, String> requestTemplates = checkTemplates(v, i.requestTemplates(), "integration.requestTemplates");
                v.stringMap(i.responseParameters(), ANY_NAME, "must be a parameter name without spaces", 1024,
                        "integration.responseParameters");
                Map<String, String> responseTemplates = checkTemplates(v, i.responseTemplates(), "integration.responseTemplates");
                yield new RouteSpec.Integration("HTTP", i.uri(), null, null, null, timeout, method, i.requestParameters(),
                        requestTemplates, i.responseParameters(), responseTemplates, null, null, null, null);
            }
            case "MOCK" -> {
                if (v.required(i.statusCode(), "integration.statusCode")) {
                    v.between(i.statusCode(), 100, 599, "integration.statusCode");
                }
                v.stringMap(i.headers(), HEADER_NAME, "is not a valid header name", 4096, "integration.headers");
                v.maxLength(i.body(), 65_536, "integration.body");
                yield i;
            }
            default -> {
                checkUrl(v, i.uri(), "integration.uri", false);
                String version = i.payloadFormatVersion() == null ? "2.0" : i.payloadFormatVersion();
                v.reject(!version.equals("1.0") && !version.equals("2.0"), "integration.payloadFormatVersion", "must be 1.0 or 2.0");
                yield new RouteSpec.Integration("FUNCTION", i.uri(), null, null, null, timeout, null, null, null, null, null, null,
                        null, null, version);
            }
        };
    }

    private static RouteSpec.Integration checkHttpProxy(Violations v, RouteSpec.Integration i, List<String> pathParameters,
                                                        Integer timeout) {
        if (checkUrl(v, i.uri(), "integration.uri", true)) {
            Matcher parameter = URI_PARAMETER.matcher(STAGE_VARIABLE.matcher(i.uri()).replaceAll(""));
            while (parameter.find()) {
                v.reject(!pathParameters.contains(parameter.group(1)), "integration.uri",
                        "uses {" + parameter.group(1) + "}, which is not a parameter of the route's path");
            }
        }
        List<RouteSpec.Target> targets = i.targets() == null ? List.of() : i.targets();
        for (int n = 0; n < targets.size(); n++) {
            RouteSpec.Target target = targets.get(n);
            String field = "integration.targets[" + n + "]";
            if (target == null) {
                v.add(field, "must be an object");
                continue;
            }
            checkUrl(v, target.url(), field + ".url", false);
            v.between(target.weight(), 1, 1000, field + ".weight");
        }
        String balancing = null;
        if (i.loadBalancing() != null || i.healthCheck() != null) {
            v.reject(targets.isEmpty(), i.loadBalancing() != null ? "integration.loadBalancing" : "integration.healthCheck",
                    "needs targets");
        }
        if (!targets.isEmpty()) {
            balancing = ApiRules.oneOf(v, i.loadBalancing(), LOAD_BALANCING, "integration.loadBalancing", "WEIGHTED_ROUND_ROBIN");
        }
        RouteSpec.HealthCheck check = i.healthCheck();
        if (check != null) {
            String field = "integration.healthCheck";
            if (v.required(check.path(), field + ".path")) {
                v.reject(!check.path().startsWith("/"), field + ".path", "must start with /");
            }
            v.required(check.intervalSeconds(), field + ".intervalSeconds");
            v.between(check.intervalSeconds(), 1, 3600, field + ".intervalSeconds");
            v.required(check.timeoutMillis(), field + ".timeoutMillis");
            v.between(check.timeoutMillis(), 50, 60_000, field + ".timeoutMillis");
            v.required(check.healthyThreshold(), field + ".healthyThreshold");
            v.between(check.healthyThreshold(), 1, 10, field + ".healthyThreshold");
            v.required(check.unhealthyThreshold(), field + ".unhealthyThreshold");
            v.between(check.unhealthyThreshold(), 1, 10, field + ".unhealthyThreshold");
        }
        return new RouteSpec.Integration("HTTP_PROXY", i.uri(), targets.isEmpty() ? null : targets, balancing, check, timeout,
                null, null, null, null, null, null, null, null, null);
    }

    /**
     * Body mapping templates by content type. Keys are lower-cased, as the node matches them against the
     * request's or response's media type case-insensitively, so two keys differing in case would be one.
     */
    static Map<String, String> checkTemplates(Violations v, Map<String, String> templates, String field) {
        if (templates == null) {
            return null;
        }
        v.reject(templates.size() > MAX_TEMPLATES, field, "must have at most " + MAX_TEMPLATES + " content types");
        Map<String, String> normalized = new java.util.LinkedHashMap<>();
        templates.forEach((contentType, template) -> {
            String at = field + "." + contentType;
            if (!MEDIA_TYPE.matcher(contentType).matches()) {
                v.add(at, "must be a content type without parameters, e.g. application/json");
            } else if (template == null) {
                v.add(at, "must not be null");
            } else if (normalized.putIfAbsent(contentType.toLowerCase(java.util.Locale.ROOT), template) != null) {
                v.add(at, "is the same content type as another key (content types are case-insensitive)");
            } else {
                v.maxLength(template, MAX_TEMPLATE_LENGTH, at);
            }
        });
        return normalized;
    }

    /** An absolute http(s) URL; templates may hold {param} and ${stageVariables.x}, checked with placeholders. */
    static boolean checkUrl(Violations v, String url, String field, boolean template) {
        if (!v.required(url, field) || !v.reject(url.length() > 2048, field, "must be at most 2048 characters")) {
            return false;
        }
        String probe = template ? URI_PARAMETER.matcher(STAGE_VARIABLE.matcher(url).replaceAll("x")).replaceAll("x") : url;
        try {
            URI uri = new URI(probe);
            String scheme = uri.getScheme();
            return v.reject(scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null, field, "must be an absolute http or https URL");
        } catch (Exception e) {
            v.add(field, "must be an absolute http or https URL");
            return false;
        }
    }

    static void checkValidation(Violations v, RouteSpec.Validation validation, ApiContext api) {
        if (validation == null) {
            return;
        }
        v.reject(validation.bodyModel() != null && !api.models().contains(validation.bodyModel()), "validation.bodyModel",
                "is not a model of this API");
        v.strings(validation.requiredQueryStrings(), 256, "validation.requiredQueryStrings");
        v.strings(validation.requiredHeaders(), 128, "validation.requiredHeaders");
    }
}
