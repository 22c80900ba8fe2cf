package io.tollgate.analytics.access;

import io.smallrye.mutiny.Uni;
import io.tollgate.analytics.api.ProblemException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits a caller to a tenant's analytics only when the control plane says the caller may see that
 * tenant: analytics has no membership data of its own, so it asks the tenant API
 * ({@code GET /v1/tenants/{tenantId}}) with the caller's own bearer token. 200 admits; 403, 404
 * (not a member, or no such tenant) answer 404 here too, so tenant ids cannot be probed. Answers are
 * cached briefly and boundedly per token and tenant; the path alone is never trusted.
 */
@Singleton
public class TenantMembershipFilter {

    public static final String TENANT_ID = "tenantId";

    /** Request property holding the caller's role in the tenant, as the control plane reported it. */
    private static final String ROLE = "tollgate.tenant-role";

    /** Read at the first request, not injected: filters are created at static init, before runtime configuration. */
    private volatile URI controlPlane;

    @ConfigProperty(name = "tollgate.analytics.membership.cache-ttl")
    Duration cacheTtl;

    @ConfigProperty(name = "tollgate.analytics.membership.cache-size")
    int cacheSize;

    @Inject
    Instance<Vertx> vertx; // resolved at the first request: filters are created before Vert.x is

    private volatile HttpClient client;
    private volatile MembershipCache cache;

    private synchronized void init() {
        if (client == null) {
            controlPlane = ConfigProvider.getConfig().getValue("tollgate.analytics.control-plane.url", URI.class);
            cache = new MembershipCache(cacheSize, cacheTtl.toNanos());
            client = vertx.get().createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setKeepAlive(true));
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> admit(UriInfo uri, ContainerRequestContext request) {
        String tenantId = uri.getPathParameters().getFirst(TENANT_ID);
        if (tenantId == null) {
            return Uni.createFrom().voidItem();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().failure(ProblemException.unauthenticated("A bearer token is required."));
        }
        if (!tenantId.matches("[A-Za-z0-9-]{1,64}")) {
            return Uni.createFrom().failure(ProblemException.notFound("No such tenant."));
        }
        if (client == null) {
            init();
        }
        String cached = cache.get(authorization, tenantId);
        Uni<String> role = cached != null ? Uni.createFrom().item(cached) : ask(authorization, tenantId);
        return role.map(found -> {
            if (found.equals(MembershipCache.NOT_A_MEMBER)) {
                throw ProblemException.notFound("No such tenant.");
            }
            request.setProperty(ROLE, found);
            return null;
        });
    }

    /** The caller's role in the path's tenant (owner, admin, developer, viewer), once admitted. */
    public static String role(ContainerRequestContext request) {
        return (String) request.getProperty(ROLE);
    }

    private Uni<String> ask(String authorization, String tenantId) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(controlPlane.getHost())
                .setPort(controlPlane.getPort()).setURI("/v1/tenants/" + tenantId).setTimeout(5_000)
                .putHeader(HttpHeaders.AUTHORIZATION, authorization).putHeader(HttpHeaders.ACCEPT, "application/json");
        return Uni.createFrom().completionStage(() -> client.request(options)
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body))) // read: keeps the connection reusable
                        .toCompletionStage())
                .onFailure().transform(e -> ProblemException.unavailable("The tenant API could not confirm access: " + e.getMessage()))
                .map(answer -> {
                    int status = answer.status();
                    if (status == 401) {
                        throw ProblemException.unauthenticated("The bearer token is not valid.");
                    }
                    if (status == 200 || status == 403 || status == 404) {
                        String role = status == 200 ? roleIn(answer.body()) : null;
                        cache.put(authorization, tenantId, role);
                        return role == null ? MembershipCache.NOT_A_MEMBER : role;
                    }
                    throw ProblemException.unavailable("The tenant API answered " + status + " while checking access.");
                });
    }

    private record Answer(int status, Buffer body) {
    }

    /** The caller's role from the tenant API's answer ({@code {"id": …, "role": "owner", …}}). */
    private static String roleIn(Buffer body) {
        try {
            Object role = new JsonObject(body).getValue("role");
            if (role instanceof String name && !name.isEmpty()) {
                return name;
            }
        } catch (RuntimeException malformed) {
            // fall through
        }
        throw ProblemException.unavailable("The tenant API's answer named no role.");
    }
}
