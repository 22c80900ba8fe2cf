package io.tollgate.runtime.service;

import io.tollgate.runtime.process.JavaCommand;
import io.tollgate.runtime.process.ManagedProcess;
import io.tollgate.runtime.process.ReadyCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the platform's own apps, run from its packaged Quarkus jar with the given configuration. */
public final class QuarkusApp extends ChildProcessServer {

    // Generous: on a 2-core machine shared by several builds, starting took over 120 s.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final String name;
    private final Path moduleDirectory;
    private final int port;
    private final Map<String, String> config;
    private final Path logFile;

    public QuarkusApp(String name, Path moduleDirectory, int port, Map<String, String> config, Path logFile) {
        this.name = name;
        this.moduleDirectory = moduleDirectory;
        this.port = port;
        this.config = Map.copyOf(config);
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public static Path runnerJar(Path moduleDirectory) {
        return moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
    }

    public void start() throws Exception {
        Path jar = runnerJar(moduleDirectory);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        ManagedProcess process = started(ManagedProcess.start(name, JavaCommand.jar(jar, jvm), Map.of(), moduleDirectory, logFile));
        process.awaitReady(ReadyCheck.httpOk(url() + "/q/health/ready"), READY_TIMEOUT);
    }
}
