package io.tollgate.console.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the console finds the platform; ./tollgate up (deploy/runtime's Platform) passes the real addresses. */
@ConfigMapping(prefix = "tollgate")
public interface ConsoleSettings {

    Endpoint controlPlane();

    Endpoint analytics();

    Gateway gateway();

    Charts charts();

    interface Charts {
        /** Chart animation; tests switch it off so that a screenshot shows the finished chart. */
        @WithDefault("true")
        boolean animation();
    }

    interface Endpoint {
        /** Base URL, without a trailing slash. */
        String url();
    }

    interface Gateway {
        /** The gateway's HTTP listener, where the try-it panel sends requests. */
        String url();

        /** Default endpoint domain: an API answers at {apiId}.{domain}. */
        @WithDefault("gateway.localhost")
        String domain();
    }
}
