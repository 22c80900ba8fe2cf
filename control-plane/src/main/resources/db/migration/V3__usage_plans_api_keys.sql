-- Usage plans (throttle, quota and the API stages they cover) and API keys linked to them. A key's
-- value is never stored: only its SHA-256 (what the gateway looks keys up by) and a short visible
-- prefix to recognise it in lists.

create table usage_plan (
    id           uuid primary key,
    tenant_id    uuid           not null references tenant (id) on delete cascade,
    name         varchar(128)   not null,
    description  varchar(1024),
    -- The whole normalized plan (throttle, quota, stages): always read and written together.
    settings     jsonb          not null,
    created_at   timestamptz    not null,
    version      bigint         not null default 0
);
create index usage_plan_by_tenant on usage_plan (tenant_id, id);

create table api_key (
    id              uuid primary key,
    tenant_id       uuid           not null references tenant (id) on delete cascade,
    name            varchar(128)   not null,
    visible_prefix  varchar(16)    not null,
    -- Lower-case hex SHA-256 of the value. Unique across tenants: the gateway finds a key by it alone.
    sha256          varchar(64)    not null,
    imported        boolean        not null,
    enabled         boolean        not null,
    expires_at      timestamptz,
    -- {"ids": [...]}: usage plan ids of the same tenant (an object, as Hibernate Reactive reads json
    -- columns as objects). A plan cannot be deleted while a key names it
    -- (the application answers 409, checking under a lock on the plan).
    usage_plan_ids  jsonb          not null,
    created_at      timestamptz    not null,
    version         bigint         not null default 0,
    constraint api_key_value_once unique (sha256)
);
create index api_key_by_tenant on api_key (tenant_id, id);
