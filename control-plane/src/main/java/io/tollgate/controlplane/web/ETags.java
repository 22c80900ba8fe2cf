package io.tollgate.controlplane.web;

import io.tollgate.controlplane.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags from row versions: every update bumps the version, so a client holding an older ETag
 * gets 412 instead of silently overwriting someone else's change.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version. No header means the client opted
     * out of the check (the database version check still stops lost updates between two writers).
     */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(expected)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current version "
                + expected + "; fetch the resource again.");
    }
}
