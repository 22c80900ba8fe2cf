package io.tollgate.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one folder a local platform keeps everything in: each service's data, the logs, the
 * generated credentials and the address file of the running services. Unpacked distributions
 * live in a per-user cache instead, since they are the same for every platform on the machine.
 */
public record RuntimeHome(Path root, Path cache) {

    public static RuntimeHome at(Path root) {
        return new RuntimeHome(root.toAbsolutePath(), defaultCache());
    }

    /** {@code $TOLLGATE_CACHE}, else {@code $XDG_CACHE_HOME/tollgate}, else {@code ~/.cache/tollgate}. */
    static Path defaultCache() {
        String explicit = System.getenv("TOLLGATE_CACHE");
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tollgate").toAbsolutePath();
    }

    public Path dataOf(String component) {
        return root.resolve(component);
    }

    public Path logOf(String component) {
        return root.resolve("logs").resolve(component + ".log");
    }

    public Path secretsFile() {
        return root.resolve("secrets.properties");
    }

    public Path servicesFile() {
        return root.resolve("services.properties");
    }

    public Path pidFile() {
        return root.resolve("runtime.pid");
    }

    public Path failedFile() {
        return root.resolve("failed.txt");
    }

    public Path readyFile() {
        return root.resolve("ready.txt");
    }

    public void create() throws IOException {
        Files.createDirectories(root.resolve("logs"));
    }
}
