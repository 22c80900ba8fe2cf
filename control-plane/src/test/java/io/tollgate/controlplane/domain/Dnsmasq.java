package io.tollgate.controlplane.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server for the tests: Debian's dnsmasq on 127.0.0.1, answering only the TXT records it
 * is given (and NXDOMAIN for other names under {@code .test}). Missing dnsmasq fails the test: run
 * {@code ./tollgate test}, which installs it, or {@code apt-get install dnsmasq-base}.
 */
public final class Dnsmasq implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/dnsmasq"), Path.of("/usr/bin/dnsmasq"),
            Path.of("/usr/local/sbin/dnsmasq"));

    private final Process process;

    private Dnsmasq(Process process) {
        this.process = process;
    }

    /** Starts dnsmasq on 127.0.0.1:{@code port} serving these TXT records (name → value); ready when this returns. */
    public static Dnsmasq serve(int port, Map<String, String> txtRecords) throws Exception {
        Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "dnsmasq is not installed, and the custom-domain tests verify domains against a real DNS server: run "
                        + "./tollgate test (it installs it) or, as root, apt-get install dnsmasq-base"));
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--no-daemon", "--keep-in-foreground",
                "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                // Authoritative for .test: unknown names answer NXDOMAIN rather than REFUSED.
                "--local=/test/", "--pid-file=", "--conf-file=/dev/null"));
        txtRecords.forEach((name, value) -> command.add("--txt-record=" + name + "," + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.offer(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "dnsmasq-output");
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                // dnsmasq reports "started" once its sockets are bound.
                if (line.contains("started, version")) {
                    return new Dnsmasq(process);
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("dnsmasq did not start on 127.0.0.1:" + port + ": " + String.join("\n", seen));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
