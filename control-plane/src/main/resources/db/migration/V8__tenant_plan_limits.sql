-- A hard limit of a tenant's price plan that analytics found used up in a billing period (issue 6
-- item 5). While the row exists the gateway refuses the tenant's traffic (TENANT_LIMIT_EXCEEDED) and
-- the tenant's configuration record carries it; analytics lifts it at a new period or after a plan
-- change. One per tenant: a tenant is either limited or not.
create table tenant_plan_limit (
    tenant_id   uuid        primary key references tenant (id) on delete cascade,
    -- The price plan (analytics' code, e.g. FREE) and which of its limits, e.g. MONTHLY_REQUESTS.
    plan        varchar(32) not null,
    limit_kind  varchar(32) not null,
    allowance   bigint      not null check (allowance >= 0),
    -- The billing period, a UTC month: YYYY-MM.
    period      char(7)     not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    -- When analytics found the limit reached, and when the period ends.
    since       timestamptz not null,
    resets_at   timestamptz not null
);
