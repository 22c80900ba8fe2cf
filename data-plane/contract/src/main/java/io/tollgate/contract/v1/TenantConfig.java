package io.tollgate.contract.v1;

/** A tenant as the gateway sees it: a suspended tenant's APIs answer a documented error. */
public record TenantConfig(String id, long revision, Status status) implements ConfigRecord {

    public enum Status { ACTIVE, SUSPENDED }

    public TenantConfig {
        Check.required(id, "id");
        Check.present(status, "status");
    }

    @Override
    public String tenantId() {
        return id;
    }

    @Override
    public ConfigKind kind() {
        return ConfigKind.TENANT;
    }
}
