/**
 * Version 1 of the gateway configuration contract: the records the control plane publishes to the
 * compacted topic {@code tollgate.config} (key = {@code kind:id}, value = one record as JSON,
 * tombstone = delete) and every gateway node materializes.
 *
 * <p>Records validate themselves when constructed, so a node that reads one it cannot trust gets an
 * exception naming the problem, rejects that record with its key and keeps the rest. Collections
 * are copied and immutable. Fields may be added to v1 (readers ignore unknown fields); renaming or
 * removing one needs a v2 package.
 */
package io.tollgate.contract.v1;
