package io.tollgate.controlplane.publish;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tollgate.contract.v1.ConfigCodec;
import io.tollgate.contract.v1.ConfigKind;
import io.tollgate.contract.v1.ConfigRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Writes configuration records to the outbox, inside the caller's transaction: a change and the record
 * that announces it commit together or not at all.
 *
 * <p>Sequence numbers must follow commit order, or the relay could publish revision 8 while revision 7
 * is still uncommitted and then skip it. Each writer therefore takes one transaction-level advisory lock
 * before drawing its number and holds it until commit; writers of configuration serialize, so a larger
 * number is always committed later. Configuration changes are rare (people deploying), so this single
 * lock costs nothing noticeable, and it is far simpler than reordering at read time.
 */
@ApplicationScoped
public class ConfigOutbox {

    /** Advisory lock key of outbox writers ("tg-out" in ASCII); the relay uses another. */
    static final long WRITE_LOCK = 0x74672d6f7574L;

    /**
     * Appends the record built for the revision this change gets; returns that revision. The record is
     * built after the number is drawn because the revision is part of it.
     */
    public Uni<Long> append(LongFunction<? extends ConfigRecord> recordAt) {
        return nextRevision().chain(revision -> {
            ConfigRecord record = recordAt.apply(revision);
            return persist(revision, record.key(), ConfigCodec.encode(record));
        });
    }

    /** Appends a tombstone: the entity under this key is gone. */
    public Uni<Long> tombstone(ConfigKind kind, UUID id) {
        return nextRevision().chain(revision -> persist(revision, kind.keyOf(id.toString()), null));
    }

    /**
     * Tombstones everything an API put on the gateway: stages first, then deployments, so no node ever
     * holds a stage whose deployment is already gone. Call before deleting the API's rows.
     */
    @SuppressWarnings("unchecked")
    public Uni<Void> tombstoneApi(UUID apiId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(id as varchar) from stage where api_id = ?1 order by id")
                .setParameter(1, apiId).getResultList()
                .chain(stages -> session
                        .createNativeQuery("select cast(id as varchar) from deployment where api_id = ?1 order by number")
                        .setParameter(1, apiId).getResultList()
                        .chain(deployments -> tombstoneAll(ConfigKind.STAGE, (List<Object>) stages)
                                .chain(() -> tombstoneAll(ConfigKind.DEPLOYMENT, (List<Object>) deployments)))));
    }

    private Uni<Void> tombstoneAll(ConfigKind kind, List<Object> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object id : ids) {
            chain = chain.chain(() -> tombstone(kind, UUID.fromString(id.toString())).replaceWithVoid());
        }
        return chain;
    }

    private Uni<Long> nextRevision() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) as locked")
                .setParameter(1, WRITE_LOCK).getSingleResult()
                .chain(() -> session.createNativeQuery("select nextval('config_outbox_seq')").getSingleResult())
                .map(value -> ((Number) value).longValue()));
    }

    private Uni<Long> persist(long revision, String key, byte[] payload) {
        OutboxEntry entry = new OutboxEntry();
        entry.seq = revision;
        entry.recordKey = key;
        entry.payload = payload;
        entry.createdAt = Instant.now();
        return entry.persist().replaceWith(revision);
    }
}
