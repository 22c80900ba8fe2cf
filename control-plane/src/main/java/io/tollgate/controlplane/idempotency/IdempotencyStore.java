package io.tollgate.controlplane.idempotency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The idempotency keys in PostgreSQL ({@code idempotency_key}). Each statement is atomic on its own, so
 * the claim of a key decides between concurrent requests without a transaction spanning the work.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** One key of one caller for one collection. */
    public record Claim(String caller, String path, String key) {
    }

    /** The row another request holds; {@code status == null} while that request is still in progress. */
    public record Saved(String requestHash, Integer status, String location, String etag, String contentType,
                        String body) {
        public boolean completed() {
            return status != null;
        }
    }

    // A key is taken over when its response expired (24 h) or its first request never completed (the
    // process died in between): an in-progress claim older than five minutes counts as abandoned.
    private static final String CLAIM = """
            insert into idempotency_key (caller, path, idem_key, request_hash, created_at, expires_at)
            values ($1, $2, $3, $4, now(), now() + interval '24 hours')
            on conflict (caller, path, idem_key) do update
               set request_hash = excluded.request_hash, status = null, location = null, etag = null,
                   content_type = null, body = null, created_at = excluded.created_at, expires_at = excluded.expires_at
             where idempotency_key.expires_at < now()
                or (idempotency_key.status is null and idempotency_key.created_at < now() - interval '5 minutes')
            returning idem_key""";

    private static final String FIND = """
            select request_hash, status, location, etag, content_type, body from idempotency_key
             where caller = $1 and path = $2 and idem_key = $3""";

    private static final String COMPLETE = """
            update idempotency_key set status = $4, location = $5, etag = $6, content_type = $7, body = $8
             where caller = $1 and path = $2 and idem_key = $3""";

    private static final String RELEASE = "delete from idempotency_key where caller = $1 and path = $2 and idem_key = $3";

    // Expired rows are removed a few at a time, whenever a new key is claimed.
    private static final String PURGE = """
            delete from idempotency_key where ctid in
              (select ctid from idempotency_key where expires_at < now() limit 100)""";

    @Inject
    Pool pool;

    /** Claims the key for a request with this hash: null when claimed, else the row that holds it (or null row as in progress). */
    public Uni<Saved> claim(Claim claim, String requestHash) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(claim.caller(), claim.path(), claim.key(), requestHash))
                .chain(claimed -> claimed.size() > 0
                        ? pool.query(PURGE).execute().replaceWith((Saved) null)
                        : pool.preparedQuery(FIND).execute(key(claim)).map(IdempotencyStore::saved));
    }

    /** Stores the response of the request that claimed the key. */
    public Uni<Void> complete(Claim claim, int status, String location, String etag, String contentType, String body) {
        Tuple values = key(claim).addInteger(status).addString(location).addString(etag).addString(contentType)
                .addString(body);
        return pool.preparedQuery(COMPLETE).execute(values).replaceWithVoid();
    }

    /** Forgets the key after its request failed, so that it may be sent again. */
    public Uni<Void> release(Claim claim) {
        return pool.preparedQuery(RELEASE).execute(key(claim)).replaceWithVoid();
    }

    private static Tuple key(Claim claim) {
        return Tuple.of(claim.caller(), claim.path(), claim.key());
    }

    private static Saved saved(RowSet<Row> rows) {
        if (rows.size() == 0) {
            // Released between our claim attempt and this read: the other request is just finishing.
            return new Saved(null, null, null, null, null, null);
        }
        Row row = rows.iterator().next();
        return new Saved(row.getString("request_hash"), row.getInteger("status"), row.getString("location"),
                row.getString("etag"), row.getString("content_type"), row.getString("body"));
    }
}
