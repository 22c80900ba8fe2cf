package io.tollgate.controlplane.domain;

import io.vertx.pgclient.PgException;

/**
 * Whether a failed write broke a unique constraint. The checks before a write answer the usual
 * conflicts with a precise message; the constraints catch two writers racing past those checks.
 */
final class UniqueViolations {

    /** PostgreSQL's SQLSTATE unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
