-- APIs and their routes and authorizers, immutable deployments (snapshots), stages, and the outbox
-- of configuration records for the data plane. Nested configuration (CORS, integrations, …) is
-- jsonb in the shape of the tenant API's representation: it is read and written whole, never
-- queried inside, and its validation lives in the application's rules.

create table api (
    id                 uuid primary key,
    tenant_id          uuid          not null references tenant (id) on delete cascade,
    name               varchar(128)  not null,
    description        varchar(1024),
    kind               varchar(16)   not null check (kind in ('REST', 'HTTP', 'WEBSOCKET')),
    api_key_source     varchar(16)   not null check (api_key_source in ('HEADER', 'AUTHORIZER')),
    cors               jsonb,
    gateway_responses  jsonb         not null,
    models             jsonb         not null,
    created_at         timestamptz   not null,
    version            bigint        not null default 0
);
create index api_by_tenant on api (tenant_id, id);

create table authorizer (
    id          uuid primary key,
    tenant_id   uuid          not null,
    api_id      uuid          not null references api (id) on delete cascade,
    name        varchar(128)  not null,
    type        varchar(16)   not null check (type in ('JWT', 'REQUEST')),
    -- The type's settings (issuer, audiences, jwksUri / uri, identitySources, resultTtlSeconds).
    settings    jsonb         not null,
    created_at  timestamptz   not null,
    version     bigint        not null default 0,
    constraint authorizer_name_once_per_api unique (api_id, name)
);
create index authorizer_by_api on authorizer (tenant_id, api_id, id);

create table route (
    id             uuid primary key,
    tenant_id      uuid           not null,
    api_id         uuid           not null references api (id) on delete cascade,
    method         varchar(8)     not null,
    path           varchar(1024)  not null,
    -- The path with parameter names erased (/pets/{id} -> /pets/{}): two routes with the same method
    -- and shape would match the same requests. The application rejects them with a 409 first; this
    -- constraint is the backstop.
    path_shape     varchar(1024)  not null,
    authorization_settings  jsonb  not null,
    integration    jsonb          not null,
    validation     jsonb,
    created_at     timestamptz    not null,
    version        bigint         not null default 0,
    constraint route_once_per_method_and_shape unique (api_id, method, path_shape)
);
create index route_by_api on route (tenant_id, api_id, id);

create table deployment (
    id           uuid primary key,
    tenant_id    uuid           not null,
    api_id       uuid           not null references api (id) on delete cascade,
    -- 1, 2, 3… per API, in creation order.
    number       integer        not null,
    description  varchar(1024),
    -- The API as it was when deployed (the tenant API's representation); never updated.
    snapshot     jsonb          not null,
    created_at   timestamptz    not null,
    created_by   varchar(255)   not null,
    constraint deployment_number_once_per_api unique (api_id, number)
);
create index deployment_by_api on deployment (tenant_id, api_id, id);

create table stage (
    id               uuid primary key,
    tenant_id        uuid           not null,
    api_id           uuid           not null references api (id) on delete cascade,
    name             varchar(128)   not null,
    deployment_id    uuid           not null references deployment (id),
    -- Variables, throttles, cache and canary as one document: always read and written together.
    settings         jsonb          not null,
    created_at       timestamptz    not null,
    version          bigint         not null default 0,
    constraint stage_name_once_per_api unique (api_id, name)
);
create index stage_by_api on stage (tenant_id, api_id, id);

-- Configuration records to publish to the compacted config topic. seq is the record's revision and
-- follows commit order: writers take a transaction-level advisory lock before drawing it (see
-- ConfigOutbox), so a later seq always belongs to a later commit.
create sequence config_outbox_seq;

create table config_outbox (
    seq           bigint primary key,
    record_key    varchar(200)  not null,
    -- ConfigCodec JSON of the record; null is a tombstone (the entity was deleted).
    payload       bytea,
    created_at    timestamptz   not null,
    published_at  timestamptz
);
-- The relay's work queue: unpublished rows in order.
create index config_outbox_unpublished on config_outbox (seq) where published_at is null;
