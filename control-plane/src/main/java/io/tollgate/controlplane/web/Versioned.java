package io.tollgate.controlplane.web;

/** A view of a row with its version, which the tenant API sends as the ETag. */
public interface Versioned {

    long version();
}
