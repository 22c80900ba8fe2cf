-- Hard limits of price plans (issue 6 item 5).

-- Requests per tenant and UTC month (by the events' time), counted in the ingest's transaction together
-- with the minutes, so exactly once: what a plan's monthly allowance is checked against, without summing
-- a month of minutes on every check.
create table tenant_month_requests (
    month      date   not null check (extract(day from month) = 1),
    tenant_id  text   not null,
    requests   bigint not null,
    primary key (month, tenant_id)
);
-- The check reads only the tenants of a month at or over the smallest hard allowance.
create index tenant_month_requests_by_count on tenant_month_requests (month, requests);

-- The months already counted before this table existed (minutes are kept 35 days: the running month).
insert into tenant_month_requests (month, tenant_id, requests)
select date_trunc('month', bucket at time zone 'UTC')::date, tenant_id, sum(requests)
from usage_minute where api_id = '*'
group by 1, 2;

-- The plan limits analytics has reported to the control plane (and the control plane acknowledged):
-- one row per restricted tenant, with the period it is restricted in. The check compares the counts
-- with these rows and reports only the differences: a restriction to add, or one to lift.
create table plan_limit_reports (
    tenant_id   text        primary key,
    period      date        not null check (extract(day from period) = 1),
    plan_code   text        not null,
    allowance   bigint      not null,
    reported_at timestamptz not null
);

-- Every change of a tenant's plan, who made it and from when it applies (the tenant's plan history).
create table plan_changes (
    tenant_id      text        not null,
    changed_at     timestamptz not null,
    changed_by     text        not null,
    from_plan      text        not null,
    to_plan        text        not null references price_plans (code),
    effective_from date        not null,
    primary key (tenant_id, changed_at)
);
