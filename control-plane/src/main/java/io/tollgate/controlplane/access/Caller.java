package io.tollgate.controlplane.access;

import java.util.UUID;

/** Who is calling the tenant API: a person (or machine client) with a Keycloak token, or a tenant access token. */
public sealed interface Caller {

    /** Stable id for the audit log, e.g. {@code user:<subject>}. */
    String actorId();

    /** Human-readable name for the audit log. */
    String actorName();

    String actorType();

    /** A Keycloak-authenticated principal; email counts for invitations only when Keycloak verified it. */
    record Person(String subject, String email, boolean emailVerified, String name) implements Caller {
        @Override
        public String actorId() {
            return subject;
        }

        @Override
        public String actorName() {
            return email != null ? email : name;
        }

        @Override
        public String actorType() {
            return "user";
        }

        public String verifiedEmail() {
            return emailVerified && email != null ? email : null;
        }
    }

    /**
     * The platform itself: one of its services with the Keycloak service account of the
     * {@code tollgate-platform} role (analytics reporting plan limits). Member of no tenant.
     */
    record Platform(String subject, String clientName) implements Caller {
        @Override
        public String actorId() {
            return subject;
        }

        @Override
        public String actorName() {
            return clientName;
        }

        @Override
        public String actorType() {
            return "platform";
        }
    }

    /** A tenant access token: bound to one tenant and a role fixed at its creation. */
    record AccessToken(UUID tokenId, UUID tenantId, Role role, String name) implements Caller {
        @Override
        public String actorId() {
            return tokenId.toString();
        }

        @Override
        public String actorName() {
            return name;
        }

        @Override
        public String actorType() {
            return "access_token";
        }
    }
}
