package io.tollgate.console;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real platform every console test runs against (one Quarkus test resource for the module, so
 * the console and its backends start once for all test classes).
 */
@QuarkusTestResource(ConsoleBackends.class)
public final class ConsoleTestServices {

    private ConsoleTestServices() {
    }
}
