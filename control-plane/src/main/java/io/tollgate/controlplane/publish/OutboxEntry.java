package io.tollgate.controlplane.publish;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One configuration record waiting for (or done with) publication to the config topic. */
@Entity
@Table(name = "config_outbox")
public class OutboxEntry extends PanacheEntityBase {

    /** The publication sequence number: the record's revision, in commit order. */
    @Id
    public Long seq;

    @Column(name = "record_key", nullable = false, updatable = false)
    public String recordKey;

    /** ConfigCodec bytes; null for a tombstone. */
    @Column(updatable = false)
    public byte[] payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
