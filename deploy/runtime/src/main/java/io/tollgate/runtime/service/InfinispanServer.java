package io.tollgate.runtime.service;

import io.tollgate.runtime.process.JavaCommand;
import io.tollgate.runtime.process.ManagedProcess;
import io.tollgate.runtime.process.ReadyCheck;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An Infinispan server (jars from Maven Central, started through its Bootstrap class) with its
 * single endpoint (Hot Rod and REST) on 127.0.0.1, configured from deploy/infinispan/infinispan.xml.
 */
public final class InfinispanServer extends ChildProcessServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String classpath;
    private final Path root;
    private final int port;
    private final Path logFile;

    public InfinispanServer(String classpath, Path root, int port, Path logFile) {
        this.classpath = classpath;
        this.root = root;
        this.port = port;
        this.logFile = logFile;
    }

    public String hosts() {
        return "127.0.0.1:" + port;
    }

    public void start() throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("data"));
        // the server scans lib/ for extensions and fails (without exiting) when it is missing
        Files.createDirectories(root.resolve("lib"));
        for (String file : List.of("infinispan.xml", "log4j2.xml")) {
            try (InputStream config = InfinispanServer.class.getResourceAsStream("/io/tollgate/runtime/infinispan/" + file)) {
                if (config == null) {
                    throw new IllegalStateException(file + " missing from the runtime's resources");
                }
                Files.copy(config, conf.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // the options the server's own start script adds
        List<String> jvm = List.of("-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Djava.net.preferIPv4Stack=true",
                "--add-exports", "java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.manager=org.infinispan.server.loader.LogManager",
                "-Dinfinispan.server.home.path=" + root);
        ManagedProcess process = started(ManagedProcess.start("infinispan",
                JavaCommand.mainClass(classpath, jvm, "org.infinispan.server.Bootstrap",
                        List.of("-s", root.toString(), "-c", "infinispan.xml", "-b", "127.0.0.1", "-p", String.valueOf(port))),
                Map.of(), root, logFile));
        process.awaitReady(ReadyCheck.httpOk("http://127.0.0.1:" + port + "/rest/v2/container/health/status"), READY_TIMEOUT);
    }
}
