package io.tollgate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.runtime.process.ReadyCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real servers: what the runtime starts, it stops, leaving no process behind. */
class LocalRuntimeTest {

    /** Alive and not a zombie: pg_ctl orphans the postmaster, and not every init reaps orphans. */
    private static boolean isRunning(long pid) throws Exception {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String line = Files.readString(stat);
        return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void stops_every_process_it_started_and_keeps_data_for_the_next_start(@TempDir Path dir) throws Exception {
        List<String> progress = new ArrayList<>();
        RuntimeHome home = RuntimeHome.at(dir);
        home.create();
        LocalRuntime runtime = new LocalRuntime(home, Ports.random(), progress::add, Map.of());
        Endpoints endpoints = runtime.start(EnumSet.of(Service.POSTGRES, Service.INFINISPAN));
        long postmaster;
        try (Connection connection = DriverManager.getConnection(endpoints.postgresJdbcUrl(LocalRuntime.CONTROL_PLANE_DATABASE),
                endpoints.postgresUser(), "")) {
            connection.createStatement().execute("create table kept (v text); insert into kept values ('across restarts')");
            postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).getFirst().trim());
        }
        String infinispanHost = endpoints.infinispanHosts().split(":")[0];
        int infinispanPort = Integer.parseInt(endpoints.infinispanHosts().split(":")[1]);
        assertTrue(ReadyCheck.tcp(infinispanHost, infinispanPort).isReady());
        assertEquals(2, progress.size(), progress.toString());

        runtime.close();

        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive),
                "left behind: " + ProcessHandle.current().descendants().map(p -> p.info().command().orElse("?")).toList());
        assertFalse(isRunning(postmaster), "postmaster still running");
        assertFalse(ReadyCheck.tcp(infinispanHost, infinispanPort).isReady());

        LocalRuntime again = new LocalRuntime(home, Ports.random(), progress::add, Map.of());
        try {
            Endpoints restarted = again.start(EnumSet.of(Service.POSTGRES));
            try (Connection connection = DriverManager.getConnection(restarted.postgresJdbcUrl(LocalRuntime.CONTROL_PLANE_DATABASE),
                    restarted.postgresUser(), "");
                 ResultSet rows = connection.createStatement().executeQuery("select v from kept")) {
                assertTrue(rows.next());
                assertEquals("across restarts", rows.getString(1));
            }
        } finally {
            again.close();
        }
    }
}
