package io.tollgate.contract;

import java.util.Map;
import java.util.Objects;

/**
 * A Kafka topic that is part of the contract between control plane, data plane and analytics:
 * its default name, partition count and the topic-level settings it must be created with.
 * Deployments may rename topics through configuration; the settings travel with the spec.
 */
public record TopicSpec(String name, int partitions, Map<String, String> settings) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition");
        }
        settings = Map.copyOf(settings);
    }
}
