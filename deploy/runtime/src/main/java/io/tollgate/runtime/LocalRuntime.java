package io.tollgate.runtime;

import io.tollgate.contract.Topics;
import io.tollgate.runtime.service.Databases;
import io.tollgate.runtime.service.InfinispanServer;
import io.tollgate.runtime.service.KafkaBroker;
import io.tollgate.runtime.service.KeycloakServer;
import io.tollgate.runtime.service.PostgresServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Starts the real PostgreSQL, Kafka, Keycloak and Infinispan on loopback, all data under one
 * folder, and stops them again (in reverse order) on {@link #close()}. A service given by an
 * environment variable (an external server) is used as it is instead of being started.
 */
public final class LocalRuntime implements AutoCloseable {

    /** Databases of the platform's parts on the one PostgreSQL server. */
    public static final String CONTROL_PLANE_DATABASE = "tollgate_control";
    public static final String ANALYTICS_DATABASE = "tollgate_analytics";
    static final String KEYCLOAK_DATABASE = "keycloak";

    private final RuntimeHome home;
    private final Ports ports;
    private final Consumer<String> progress;
    private final Map<String, String> environment;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final long startNanos = System.nanoTime();

    public LocalRuntime(RuntimeHome home, Ports ports, Consumer<String> progress) {
        this(home, ports, progress, System.getenv());
    }

    /**
     * @param environment where {@code TOLLGATE_*_URL}-style variables name external services; a test
     *                    that must own (and stop) its services passes an empty map
     */
    public LocalRuntime(RuntimeHome home, Ports ports, Consumer<String> progress, Map<String, String> environment) {
        this.home = home;
        this.ports = ports;
        this.progress = progress;
        this.environment = environment;
    }

    /** Starts the given services (Keycloak needs PostgreSQL, which is then started too). */
    public Endpoints start(Set<Service> services) throws Exception {
        Secrets secrets = Secrets.loadOrCreate(home.secretsFile());
        boolean needPostgres = services.contains(Service.POSTGRES) || services.contains(Service.KEYCLOAK);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletableFuture<PostgresAddress> postgres = needPostgres
                    ? supply(executor, this::startPostgres) : CompletableFuture.completedFuture(null);
            CompletableFuture<String> kafka = services.contains(Service.KAFKA)
                    ? supply(executor, this::startKafka) : CompletableFuture.completedFuture(null);
            CompletableFuture<String> infinispan = services.contains(Service.INFINISPAN)
                    ? supply(executor, this::startInfinispan) : CompletableFuture.completedFuture(null);
            CompletableFuture<String> keycloak = services.contains(Service.KEYCLOAK)
                    ? postgres.thenApplyAsync(pg -> call(() -> startKeycloak(pg, secrets)), executor)
                    : CompletableFuture.completedFuture(null);
            CompletableFuture.allOf(postgres, kafka, infinispan, keycloak).join();
            PostgresAddress pg = postgres.join();
            boolean externalKeycloak = environment.containsKey("TOLLGATE_KEYCLOAK_URL");
            return new Endpoints(
                    pg == null ? null : pg.host, pg == null ? 0 : pg.port,
                    pg == null ? null : pg.user, pg == null ? null : pg.password,
                    kafka.join(), keycloak.join(), infinispan.join(),
                    environment.getOrDefault("TOLLGATE_DEMO_USERNAME", "demo"),
                    externalKeycloak ? environment.get("TOLLGATE_DEMO_PASSWORD") : secrets.demoPassword(),
                    externalKeycloak ? environment.get("TOLLGATE_AUTOMATION_CLIENT_SECRET") : secrets.automationClientSecret(),
                    externalKeycloak ? environment.get("TOLLGATE_KEYCLOAK_ADMIN_PASSWORD") : secrets.keycloakAdminPassword());
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            executor.shutdown();
        }
    }

    public RuntimeHome home() {
        return home;
    }

    private record PostgresAddress(String host, int port, String user, String password) {

        String jdbcBase() {
            return "jdbc:postgresql://" + host + ":" + port;
        }
    }

    private PostgresAddress startPostgres() throws Exception {
        long begin = System.nanoTime();
        PostgresAddress address;
        String external = environment.get("TOLLGATE_POSTGRES_URL");
        if (external != null) {
            address = parsePostgresUrl(external);
        } else {
            PostgresServer server = new PostgresServer(home.dataOf("postgres"),
                    ports.port("postgres", 15432), home.logOf("postgres"));
            register(server);
            server.start();
            address = new PostgresAddress("127.0.0.1", server.port(), PostgresServer.USER, null);
        }
        Databases.ensure(address.jdbcBase(), address.user, address.password,
                List.of(CONTROL_PLANE_DATABASE, ANALYTICS_DATABASE, KEYCLOAK_DATABASE));
        ready("postgres", "postgresql://" + address.host + ":" + address.port, begin, external != null);
        return address;
    }

    private String startKafka() throws Exception {
        long begin = System.nanoTime();
        String bootstrap = environment.get("TOLLGATE_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null) {
            KafkaBroker broker = new KafkaBroker(Distributions.classpath("kafka"), home.dataOf("kafka"),
                    ports.port("kafka", 19092), ports.port("kafka-controller", 19093), home.logOf("kafka"));
            register(broker);
            broker.start();
            bootstrap = broker.bootstrapServers();
        }
        KafkaBroker.createTopics(bootstrap, Topics.ALL);
        ready("kafka", bootstrap, begin, environment.containsKey("TOLLGATE_KAFKA_BOOTSTRAP_SERVERS"));
        return bootstrap;
    }

    private String startInfinispan() throws Exception {
        long begin = System.nanoTime();
        String hosts = environment.get("TOLLGATE_INFINISPAN_HOSTS");
        if (hosts == null) {
            InfinispanServer server = new InfinispanServer(Distributions.classpath("infinispan"),
                    home.dataOf("infinispan"), ports.port("infinispan", 11222), home.logOf("infinispan"));
            register(server);
            server.start();
            hosts = server.hosts();
        }
        ready("infinispan", hosts, begin, environment.containsKey("TOLLGATE_INFINISPAN_HOSTS"));
        return hosts;
    }

    private String startKeycloak(PostgresAddress postgres, Secrets secrets) throws Exception {
        long begin = System.nanoTime();
        String url = environment.get("TOLLGATE_KEYCLOAK_URL");
        if (url == null) {
            KeycloakServer server = new KeycloakServer(Path.of(Distributions.classpath("keycloak")), home.cache(),
                    ports.port("keycloak", 18180), ports.port("keycloak-management", 18190),
                    new KeycloakServer.Database(postgres.jdbcBase() + "/" + KEYCLOAK_DATABASE, postgres.user, postgres.password),
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                            "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword(),
                            "TOLLGATE_DEMO_PASSWORD", secrets.demoPassword(),
                            "TOLLGATE_AUTOMATION_CLIENT_SECRET", secrets.automationClientSecret()),
                    home.logOf("keycloak"));
            register(server);
            server.start();
            url = server.url();
        }
        ready("keycloak", url, begin, environment.containsKey("TOLLGATE_KEYCLOAK_URL"));
        return url;
    }

    /** {@code postgresql://user:password@host:port} */
    private static PostgresAddress parsePostgresUrl(String url) {
        URI uri = URI.create(url);
        String userInfo = uri.getUserInfo();
        if (uri.getHost() == null || userInfo == null) {
            throw new IllegalArgumentException("TOLLGATE_POSTGRES_URL must look like postgresql://user:password@host:port");
        }
        int colon = userInfo.indexOf(':');
        return new PostgresAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                colon < 0 ? userInfo : userInfo.substring(0, colon), colon < 0 ? null : userInfo.substring(colon + 1));
    }

    private synchronized void register(AutoCloseable component) {
        started.push(component);
    }

    private void ready(String name, String address, long beginNanos, boolean external) {
        progress.accept(String.format("[%6.1fs] %-14s %s %s (%.1f s)", elapsedSeconds(), name,
                external ? "external" : "ready   ", address, (System.nanoTime() - beginNanos) / 1e9));
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                progress.accept("could not stop " + component + ": " + e.getMessage());
            }
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> CompletableFuture<T> supply(ExecutorService executor, Step<T> step) {
        return CompletableFuture.supplyAsync(() -> call(step), executor);
    }

    private static <T> T call(Step<T> step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
