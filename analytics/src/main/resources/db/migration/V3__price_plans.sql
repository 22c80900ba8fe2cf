-- The platform's price plans, in the smallest unit of their currency (cents for EUR). A plan is
-- changed by a new migration, never edited in place: issued invoices keep the prices they were
-- computed with only as long as the plan's row does not change.
create table price_plans (
    code                        text    primary key,
    currency                    text    not null check (currency ~ '^[A-Z]{3}$'),
    included_requests           bigint  not null check (included_requests >= 0), -- per month, free of charge
    hard_limit                  boolean not null, -- true: requests beyond the included ones are refused, not billed
    price_per_million_requests  bigint  not null check (price_per_million_requests >= 0), -- minor units
    price_per_gb_out            bigint  not null check (price_per_gb_out >= 0)            -- minor units, GB = 10^9 bytes
);

insert into price_plans values
    ('FREE', 'EUR', 1000000, true, 0, 0),
    ('PAYG', 'EUR', 0, false, 100, 9);

-- Which plan a tenant is on from which month (UTC month start) on; the latest row not after a
-- month is that month's plan. A tenant without any row is on FREE.
create table plan_assignments (
    tenant_id      text        not null,
    effective_from date        not null check (extract(day from effective_from) = 1),
    plan_code      text        not null references price_plans (code),
    assigned_by    text        not null,
    assigned_at    timestamptz not null default now(),
    primary key (tenant_id, effective_from)
);
