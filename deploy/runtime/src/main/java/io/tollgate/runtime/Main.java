package io.tollgate.runtime;

import io.tollgate.runtime.process.ReadyCheck;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the local runtime, used by ./tollgate:
 * <pre>
 *   services [--home DIR] [--random-ports] [--only postgres,kafka,…]   start the real services
 *   platform [--home DIR] --repo DIR                                   services + the four apps
 *   status   [--home DIR]                                              one line per component
 * </pre>
 * The start commands run until interrupted (Ctrl-C, SIGTERM), then stop everything they started.
 */
public final class Main {

    private static final String[] SERVICE_ORDER = {"postgres", "kafka", "keycloak", "infinispan"};

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Map<String, String> options = options(args);
        RuntimeHome home = RuntimeHome.at(Path.of(options.getOrDefault("home", ".tollgate/data")));
        switch (args[0]) {
            case "services" -> run(home, options, false);
            case "platform" -> run(home, options, true);
            case "status" -> System.exit(status(home) ? 0 : 1);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void run(RuntimeHome home, Map<String, String> options, boolean withApps) throws Exception {
        home.create();
        Files.deleteIfExists(home.readyFile());
        Files.deleteIfExists(home.failedFile());
        Files.writeString(home.pidFile(), ProcessHandle.current().pid() + "\n");
        Ports ports = options.containsKey("random-ports") ? Ports.random() : Ports.fixed();
        Set<Service> services = withApps ? EnumSet.allOf(Service.class) : Service.parseList(options.get("only"));
        LocalRuntime runtime = new LocalRuntime(home, ports, Main::say);
        Platform platform = new Platform(Path.of(options.getOrDefault("repo", ".")).toAbsolutePath(), home, ports, Main::say);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping…");
            platform.close();
            runtime.close();
            deleteQuietly(home.servicesFile(), home.readyFile(), home.pidFile(), componentsFile(home));
            say("stopped");
            stopped.countDown();
        }, "tollgate-stop"));

        try {
            say("starting " + (withApps ? "the platform" : "services " + services) + " in " + home.root());
            Endpoints endpoints = runtime.start(services);
            endpoints.writeTo(home.servicesFile());
            Map<String, String> components = serviceChecks(endpoints);
            Map<String, String> apps = Map.of();
            if (withApps) {
                apps = platform.start(endpoints, runtime);
                apps.forEach((name, url) -> {
                    if (url.startsWith("http:")) {
                        components.put(name, url + "/q/health/ready");
                    }
                });
            }
            writeComponents(home, components);
            String summary = summary(endpoints, apps, runtime.elapsedSeconds(), home);
            Files.writeString(home.readyFile(), summary);
            System.out.print(summary);
            System.out.flush();
        } catch (Exception e) {
            say("FAILED: " + e.getMessage());
            // left behind for whoever waits on this runtime (./tollgate, tests reusing it)
            Files.writeString(home.failedFile(), e.getMessage() == null ? e.toString() : e.getMessage());
            System.exit(1); // runs the shutdown hook, which stops what did start
        }
        stopped.await();
    }

    private static Map<String, String> serviceChecks(Endpoints endpoints) {
        Map<String, String> checks = new LinkedHashMap<>();
        if (endpoints.has(Service.POSTGRES)) {
            checks.put("postgres", "tcp://" + endpoints.postgresHost() + ":" + endpoints.postgresPort());
        }
        if (endpoints.has(Service.KAFKA)) {
            checks.put("kafka", "tcp://" + endpoints.kafkaBootstrapServers().split(",")[0]);
        }
        if (endpoints.has(Service.KEYCLOAK)) {
            checks.put("keycloak", endpoints.realmUrl() + "/.well-known/openid-configuration");
        }
        if (endpoints.has(Service.INFINISPAN)) {
            checks.put("infinispan", "http://" + endpoints.infinispanHosts().split(",")[0] + "/rest/v2/container/health/status");
        }
        return checks;
    }

    private static String summary(Endpoints endpoints, Map<String, String> apps, double seconds, RuntimeHome home) {
        StringBuilder text = new StringBuilder(String.format("%nTollgate is ready (%.0f s).%n", seconds));
        if (!apps.isEmpty()) {
            text.append(String.format("  Console         %s/%n", apps.get("console")));
            text.append(String.format("  Gateway         %s/  and  %s/  (http://{apiId}.gateway.localhost:%s/{stage}/…)%n",
                    apps.get("gateway"), apps.get("gateway-https"), URI.create(apps.get("gateway")).getPort()));
            text.append(String.format("  Tenant API      %s/v1   (OpenAPI: %s/q/openapi)%n", apps.get("control-plane"), apps.get("control-plane")));
            text.append(String.format("  Analytics API   %s/%n", apps.get("analytics")));
        }
        if (endpoints.has(Service.KEYCLOAK)) {
            text.append(String.format("  Keycloak        %s/realms/%s  (admin console: %s/admin/, user admin)%n",
                    endpoints.keycloakUrl(), Endpoints.REALM, endpoints.keycloakUrl()));
            text.append(String.format("  Demo sign-in    %s / %s%n", endpoints.demoUsername(), endpoints.demoPassword()));
        }
        text.append(String.format("  Data and logs   %s  (credentials in %s)%n", home.root(), home.secretsFile().getFileName()));
        return text.toString();
    }

    private static boolean status(RuntimeHome home) throws IOException {
        Map<String, String> components = new LinkedHashMap<>();
        Path file = componentsFile(home);
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            for (String name : properties.getProperty("order", "").split(",")) {
                components.put(name, properties.getProperty(name));
            }
        } else {
            for (String name : SERVICE_ORDER) {
                components.put(name, null);
            }
            Platform.APPS.forEach(app -> components.put(app.name(), null));
        }
        boolean allReady = true;
        for (Map.Entry<String, String> component : components.entrySet()) {
            boolean ready = component.getValue() != null && isReady(component.getValue());
            allReady &= ready;
            System.out.printf("%-14s %-6s %s%n", component.getKey(), ready ? "ready" : "down",
                    component.getValue() == null ? "(not running)" : component.getValue());
        }
        return allReady;
    }

    private static boolean isReady(String check) {
        try {
            URI uri = URI.create(check);
            return "tcp".equals(uri.getScheme())
                    ? ReadyCheck.tcp(uri.getHost(), uri.getPort()).isReady()
                    : ReadyCheck.httpOk(check).isReady();
        } catch (Exception e) {
            return false;
        }
    }

    private static Path componentsFile(RuntimeHome home) {
        return home.root().resolve("components.properties");
    }

    private static void writeComponents(RuntimeHome home, Map<String, String> components) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("order", String.join(",", components.keySet()));
        components.forEach(properties::setProperty);
        try (Writer writer = Files.newBufferedWriter(componentsFile(home))) {
            properties.store(writer, "ready checks of the running components, read by ./tollgate status");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            boolean flag = name.equals("random-ports");
            options.put(name, flag ? "true" : rest.get(++i));
        }
        return options;
    }

    private static void deleteQuietly(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort while stopping
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void usage() {
        System.err.println("usage: Main services|platform|status [--home DIR] [--repo DIR] [--random-ports] [--only LIST]");
    }
}
