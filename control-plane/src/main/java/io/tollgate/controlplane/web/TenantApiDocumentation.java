package io.tollgate.controlplane.web;

import io.tollgate.controlplane.idempotency.IdempotencyFilter;
import io.tollgate.controlplane.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes the tenant API's OpenAPI document (/q/openapi) with what every operation shares, so that no
 * resource has to repeat it: the Idempotency-Key header on every create (POST) that accepts one, and the
 * RFC 9457 problem+json answer of every error.
 */
public class TenantApiDocumentation implements OASFilter {

    /** Marks the operations whose answer holds a secret shown once: they refuse Idempotency-Key (see ReturnsSecret). */
    public static final String SECRET_ONCE = "x-tollgate-secret-shown-once";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/v1/") && !path.getKey().startsWith("/internal/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                boolean secret = operation.getExtensions() != null && operation.getExtensions().containsKey(SECRET_ONCE);
                if (entry.getKey() == PathItem.HttpMethod.POST && !secret) {
                    operation.addParameter(OASFactory.createParameter().name(IdempotencyFilter.HEADER).in(Parameter.In.HEADER)
                            .required(false).description("Makes the create safe to retry: a repeat with the same key and body "
                                    + "within 24 hours answers the first response (with Idempotent-Replayed: true) without "
                                    + "creating again; the same key with another body answers 422")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255)));
                }
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                operation.getResponses().addAPIResponse("default", OASFactory.createAPIResponse()
                        .description("An error, as RFC 9457 problem details; validation errors list every invalid field")
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            }
        }
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("One invalid field")
                .addProperty("field", text("Field path, e.g. `name` or `integration.uri`"))
                .addProperty("message", text("Why the value is invalid"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("RFC 9457 problem details")
                .addProperty("type", text("Stable URI identifying the kind of problem"))
                .addProperty("title", text("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("HTTP status code"))
                .addProperty("detail", text("What went wrong in this occurrence"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation)
                        .description("One entry per invalid field, on validation errors"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
