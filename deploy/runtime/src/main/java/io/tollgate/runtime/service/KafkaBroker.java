package io.tollgate.runtime.service;

import io.tollgate.contract.TopicSpec;
import io.tollgate.runtime.process.JavaCommand;
import io.tollgate.runtime.process.ManagedProcess;
import io.tollgate.runtime.process.ReadyCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) run from the Maven Central
 * jars, listening on 127.0.0.1. Its storage is formatted on first start and kept afterwards.
 */
public final class KafkaBroker extends ChildProcessServer {

    // Generous: on a 2-core machine shared by several builds, starting took over 120 s.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final String classpath;
    private final Path home;
    private final int port;
    private final int controllerPort;
    private final Path logFile;

    public KafkaBroker(String classpath, Path home, int port, int controllerPort, Path logFile) {
        this.classpath = classpath;
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void start() throws Exception {
        Files.createDirectories(home);
        Path config = writeServerProperties();
        Path log4j = writeLog4jConfig();
        // GC settings of kafka-run-class.sh; the access flags quiet Java 25 warnings (zstd-jni, Unsafe)
        List<String> jvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dlog4j2.shutdownHookEnabled=false",
                "-Dlog4j2.configurationFile=" + log4j, "-Dkafka.logs.dir=" + home.resolve("logs"));
        if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
            ManagedProcess format = ManagedProcess.start("kafka-storage-format",
                    JavaCommand.mainClass(classpath, jvm, "kafka.tools.StorageTool",
                            List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())),
                    Map.of(), home, logFile);
            int exit = format.awaitExit(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed (" + exit + "):\n" + format.tail());
            }
        }
        ManagedProcess process = started(ManagedProcess.start("kafka",
                JavaCommand.mainClass(classpath, jvm, "kafka.Kafka", List.of(config.toString())),
                Map.of(), home, logFile));
        process.awaitReady(this::answersMetadata, READY_TIMEOUT);
    }

    /** Creates missing topics with their contract settings; existing ones are left as they are. */
    public static void createTopics(String bootstrapServers, List<TopicSpec> topics) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.settings()));
                }
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // created concurrently: fine
                    throw e;
                }
            }
        }
    }

    private boolean answersMetadata() throws Exception {
        if (!ReadyCheck.tcp("127.0.0.1", port).isReady()) {
            return false; // not listening yet: spare the admin client's reconnect loop
        }
        try (Admin admin = admin(bootstrapServers())) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(properties);
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private Path writeServerProperties() throws Exception {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dataDirectory().toString());
        settings.put("num.partitions", "1");
        // one broker: every internal topic has a single replica
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // topics are part of the contract and created with their settings, never by accident
        settings.put("auto.create.topics.enable", "false");
        Path file = home.resolve("server.properties");
        Files.writeString(file, settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# written by the Tollgate runtime at each start\n", "\n")));
        return file;
    }

    private Path writeLog4jConfig() throws Exception {
        Path file = home.resolve("log4j2.properties");
        Files.writeString(file, """
                # written by the Tollgate runtime: broker log to stdout, which the runtime keeps in a file
                status = warn
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = info
                rootLogger.appenderRef.out.ref = out
                logger.kafka.name = kafka
                logger.kafka.level = warn
                logger.state.name = state.change.logger
                logger.state.level = warn
                logger.kafkaserver.name = kafka.server.KafkaRaftServer
                logger.kafkaserver.level = info
                """);
        return file;
    }
}
