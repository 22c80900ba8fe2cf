-- Usage aggregates of access events. One row per tenant, time bucket and dimension combination;
-- dimensions that do not apply are '-' (request without key, without route, …) so that they can
-- be part of the primary key. Buckets are UTC minute, hour or day starts. Each bucket also has the
-- tenant's total row, all dimensions '*': unfiltered queries read one row per bucket from it
-- (a 30-day per-minute series is 43 200 rows whatever the number of APIs, routes and keys);
-- breakdowns by a dimension read the other rows.

create table usage_minute (
    tenant_id          text        not null,
    bucket             timestamptz not null,
    api_id             text        not null,
    stage              text        not null,
    route              text        not null, -- method and path template, e.g. 'GET /pets/{id}'
    key_id             text        not null,
    requests           bigint      not null,
    status_1xx         bigint      not null,
    status_2xx         bigint      not null,
    status_3xx         bigint      not null,
    status_4xx         bigint      not null,
    status_5xx         bigint      not null,
    errors             bigint      not null, -- answers with a gateway error type
    throttles          bigint      not null, -- THROTTLED and QUOTA_EXCEEDED
    cache_hits         bigint      not null,
    cache_misses       bigint      not null,
    bytes_in           bigint      not null,
    bytes_out          bigint      not null,
    latency_sum_micros bigint      not null,
    latency_max_micros bigint      not null,
    latency_histogram  bytea       not null, -- HdrHistogram, compressed encoding, microseconds
    primary key (tenant_id, bucket, api_id, stage, route, key_id)
);

create table usage_hour (like usage_minute including all);
create table usage_day (like usage_minute including all);

-- Gateway errors by type, same buckets and dimensions.
create table errors_minute (
    tenant_id  text        not null,
    bucket     timestamptz not null,
    api_id     text        not null,
    stage      text        not null,
    route      text        not null,
    key_id     text        not null,
    error_type text        not null,
    requests   bigint      not null,
    primary key (tenant_id, bucket, api_id, stage, route, key_id, error_type)
);

create table errors_hour (like errors_minute including all);
create table errors_day (like errors_minute including all);

-- Filters by API, stage, route or key over a range: one index each, bucket second.
create index usage_minute_api on usage_minute (tenant_id, api_id, bucket);
create index usage_minute_key on usage_minute (tenant_id, key_id, bucket);
create index usage_hour_api on usage_hour (tenant_id, api_id, bucket);
create index usage_hour_key on usage_hour (tenant_id, key_id, bucket);
create index usage_day_api on usage_day (tenant_id, api_id, bucket);
create index usage_day_key on usage_day (tenant_id, key_id, bucket);

-- Where each partition of the events topic has been counted up to: written in the same
-- transaction as the aggregates, so an event counts exactly once, whatever crashes or rebalances.
create table consumer_offsets (
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null,
    primary key (topic, partition)
);

-- Hours whose minutes changed since they were last rolled up (written with the aggregates).
create table rollup_pending (
    tenant_id text        not null,
    hour      timestamptz not null,
    primary key (tenant_id, hour)
);
