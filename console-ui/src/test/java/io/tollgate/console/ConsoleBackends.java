package io.tollgate.console;

import io.tollgate.runtime.Platform;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.testing.RealServices;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console under test talks to the real platform: the real services (shared ones when
 * {@code TOLLGATE_SERVICES_FILE} names them) and the packaged control plane, analytics service and gateway of this
 * reactor (target/quarkus-app), started here through deploy/runtime's Platform on free ports.
 */
public class ConsoleBackends extends RealServices {

    private Platform platform;

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("services", "postgres,kafka,keycloak,infinispan", "database", "tollgate_control"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        // the console itself only needs Keycloak (and the test settings); the apps get the rest
        super.start().forEach((key, value) -> {
            if (!key.startsWith("quarkus.datasource") && !key.startsWith("kafka.") && !key.startsWith("quarkus.infinispan")) {
                config.put(key, value);
            }
        });
        try {
            RuntimeHome home = RuntimeHome.at(Path.of("target", "console-backends"));
            home.create();
            long begin = System.nanoTime();
            platform = new Platform(Path.of("..").toAbsolutePath().normalize(), home, Ports.random(),
                    line -> System.out.println("[console-backends] " + line));
            Map<String, String> urls = platform.start(List.of(Platform.CONTROL_PLANE, Platform.ANALYTICS, Platform.GATEWAY), endpoints(),
                    () -> (System.nanoTime() - begin) / 1e9);
            config.put("tollgate.control-plane.url", urls.get("control-plane"));
            config.put("tollgate.gateway.url", urls.get("gateway"));
            config.put("tollgate.analytics.url", urls.get("analytics"));
            // screenshots of the dashboards show finished charts
            config.put("tollgate.charts.animation", "false");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the control plane, analytics and gateway for the console: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (platform != null) {
            platform.close();
        }
        super.stop();
    }
}
