package io.tollgate.gateway.integration.mapping;

import io.tollgate.gateway.pipeline.AuthorizerContext;
import io.tollgate.gateway.pipeline.Exchange;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.resource.loader.StringResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;

/**
 * A body mapping template (VTL on Apache Velocity), parsed once when the configuration is applied
 * and rendered per request with {@code $input}, {@code $context}, {@code $stageVariables} and
 * {@code $util} as the cloud gateway defines them. The engine is locked down: no templates from
 * files or the class path ({@code #parse}/{@code #include} find nothing), no reflection into
 * classes, class loaders or threads (SecureUberspector), {@code #foreach} bounded.
 */
public final class MappingTemplate {

    static final int MAX_LOOPS = 10_000;
    private static final RuntimeInstance ENGINE = engine();

    private final String name;
    private final Template template;

    private MappingTemplate(String name, Template template) {
        this.name = name;
        this.template = template;
    }

    private static RuntimeInstance engine() {
        Properties settings = new Properties();
        settings.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
        settings.setProperty("resource.loader.string.class", StringResourceLoader.class.getName());
        settings.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
        settings.setProperty(RuntimeConstants.MAX_NUMBER_LOOPS, String.valueOf(MAX_LOOPS));
        settings.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        settings.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        // as the cloud gateway: a reference without a value renders as nothing, not as its own text
        settings.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, EmptyForNull.class.getName());
        RuntimeInstance engine = new RuntimeInstance();
        engine.init(settings);
        return engine;
    }

    /** @throws IllegalArgumentException naming the template when it does not parse */
    public static MappingTemplate compile(String name, String source) {
        Template template = new Template();
        template.setName(name);
        template.setRuntimeServices(ENGINE);
        try {
            template.setData(ENGINE.parse(new StringReader(source), template));
        } catch (ParseException e) {
            throw new IllegalArgumentException("mapping template " + name + " does not parse: " + e.getMessage(), e);
        }
        template.initDocument();
        return new MappingTemplate(name, template);
    }

    /** Renders references without a value as the empty string. */
    public static final class EmptyForNull implements org.apache.velocity.app.event.ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(org.apache.velocity.context.Context context, String reference, Object value) {
            return value == null ? "" : value;
        }
    }

    public String name() {
        return name;
    }

    /** @throws RuntimeException when the template fails while rendering (the caller answers INTERNAL) */
    public String render(Exchange exchange, TemplateInput input) {
        VelocityContext context = new VelocityContext();
        context.put("input", input);
        context.put("context", context(exchange));
        context.put("stageVariables", exchange.stageVariables());
        context.put("util", TemplateUtil.INSTANCE);
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }

    /** {@code $context}: the request's facts, with {@code authorizer} when an authorizer ran. */
    static Map<String, Object> context(Exchange exchange) {
        Map<String, Object> context = new HashMap<>();
        context.put("requestId", exchange.requestId());
        context.put("stage", exchange.stage().config().name());
        context.put("apiId", exchange.stage().config().apiId());
        context.put("accountId", exchange.stage().config().tenantId());
        context.put("httpMethod", exchange.request().method().name());
        context.put("resourcePath", exchange.routeTemplate());
        context.put("routeKey", exchange.route() == null ? null : exchange.route().method() + " " + exchange.routeTemplate());
        context.put("path", exchange.request().path());
        context.put("domainName", exchange.request().host());
        Map<String, Object> identity = new HashMap<>();
        identity.put("sourceIp", exchange.request().remoteAddress() == null ? null : exchange.request().remoteAddress().hostAddress());
        identity.put("userAgent", exchange.request().getHeader("user-agent"));
        if (exchange.apiKey() != null) {
            identity.put("apiKeyId", exchange.apiKey().key().id());
        }
        context.put("identity", identity);
        AuthorizerContext authorizer = exchange.authorizer();
        if (authorizer != null) {
            Map<String, Object> values = new LinkedHashMap<>(authorizer.context());
            values.put("principalId", authorizer.principalId());
            values.put("claims", authorizer.claims());
            values.put("jwt", Map.of("claims", authorizer.claims(), "scopes", authorizer.scopes()));
            values.put("lambda", authorizer.context());
            context.put("authorizer", values);
        }
        return context;
    }
}
