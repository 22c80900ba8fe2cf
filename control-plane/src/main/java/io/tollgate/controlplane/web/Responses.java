package io.tollgate.controlplane.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The answers the tenant API's resources share: a resource with its ETag, a created one with its
 * Location as well, and an empty 204. One place, so every resource tags and locates the same way.
 */
public final class Responses {

    private Responses() {
    }

    /** 200 with the view and its version as ETag. */
    public static Response tagged(Versioned view) {
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    /** 201 with the view, its ETag and the Location {@code path} (absolute path of the new resource). */
    public static Response created(Versioned view, String path) {
        return Response.created(URI.create(path)).tag(ETags.of(view.version())).entity(view).build();
    }

    /** 204, whatever the operation completed with. */
    public static Response noContent(Object ignored) {
        return Response.noContent().build();
    }
}
