package io.tollgate.controlplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A SQL round trip through the reactive client the control plane uses, on the real PostgreSQL. */
@QuarkusTest
class PostgresSmokeTest {

    @Inject
    Pool pool;

    @Test
    void writes_and_reads_back_a_row_in_its_own_database() {
        String value = UUID.randomUUID().toString();
        RowSet<Row> rows = pool.withTransaction(connection -> connection
                        .query("create temporary table smoke (id serial primary key, value text not null) on commit drop").execute()
                        .chain(() -> connection.preparedQuery("insert into smoke (value) values ($1)").execute(Tuple.of(value)))
                        .chain(() -> connection.query("select value, current_database() as db, current_setting('server_version_num')::int as version from smoke").execute()))
                .await().atMost(Duration.ofSeconds(10));

        Row row = rows.iterator().next();
        assertEquals(value, row.getString("value"));
        assertEquals("tollgate_control", row.getString("db"));
        assertEquals(17, row.getInteger("version") / 10000, "PostgreSQL major version");
    }
}
