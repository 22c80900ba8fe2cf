package io.tollgate.analytics.access;

import io.smallrye.mutiny.Uni;
import io.tollgate.analytics.api.ProblemException;
import io.vertx.core.Vertx;
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

    @ConfigProperty(name = "tollgate.analytics.control-plane.url")
    URI controlPlane;

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
        Boolean cached = cache.get(authorization, tenantId);
        Uni<Boolean> member = cached != null ? Uni.createFrom().item(cached) : ask(authorization, tenantId);
        return member.map(isMember -> {
            if (!isMember) {
                throw ProblemException.notFound("No such tenant.");
            }
            return null;
        });
    }

    private Uni<Boolean> ask(String authorization, String tenantId) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(controlPlane.getHost())
                .setPort(controlPlane.getPort()).setURI("/v1/tenants/" + tenantId).setTimeout(5_000)
                .putHeader(HttpHeaders.AUTHORIZATION, authorization).putHeader(HttpHeaders.ACCEPT, "application/json");
        return Uni.createFrom().completionStage(() -> client.request(options)
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(ignored -> response.statusCode())) // read: keeps the connection reusable
                        .toCompletionStage())
                .onFailure().transform(e -> ProblemException.unavailable("The tenant API could not confirm access: " + e.getMessage()))
                .map(status -> {
                    if (status == 401) {
                        throw ProblemException.unauthenticated("The bearer token is not valid.");
                    }
                    if (status == 200 || status == 403 || status == 404) {
                        boolean member = status == 200;
                        cache.put(authorization, tenantId, member);
                        return member;
                    }
                    throw ProblemException.unavailable("The tenant API answered " + status + " while checking access.");
                });
    }
}
