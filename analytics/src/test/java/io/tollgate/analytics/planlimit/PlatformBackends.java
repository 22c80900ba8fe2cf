package io.tollgate.analytics.planlimit;

import io.tollgate.runtime.Platform;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.testing.RealServices;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analytics under test with the rest of the platform it reports to: the real services and the packaged
 * control plane and gateway of this reactor (target/quarkus-app), started through deploy/runtime's
 * Platform on free ports, and the plan-limit check turned on (it is off in analytics' other tests,
 * which have no control plane to report to).
 */
public class PlatformBackends extends RealServices {

    private Platform platform;

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("services", "postgres,kafka,keycloak,infinispan", "database", "tollgate_analytics"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(super.start());
        config.remove("quarkus.infinispan-client.hosts"); // analytics has no Infinispan client; the gateway gets it
        try {
            RuntimeHome home = RuntimeHome.at(Path.of("target", "platform-backends"));
            home.create();
            long begin = System.nanoTime();
            platform = new Platform(Path.of("..").toAbsolutePath().normalize(), home, Ports.random(),
                    line -> System.out.println("[platform-backends] " + line));
            Map<String, String> urls = platform.start(List.of(Platform.CONTROL_PLANE, Platform.GATEWAY), endpoints(),
                    () -> (System.nanoTime() - begin) / 1e9);
            config.put("tollgate.control-plane.url", urls.get("control-plane"));
            config.put("tollgate.gateway.url", urls.get("gateway"));
            config.put("tollgate.analytics.plan-limits.enabled", "true");
            config.put("tollgate.analytics.plan-limits.interval", "2S");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the control plane and gateway for analytics: " + e.getMessage(), e);
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
