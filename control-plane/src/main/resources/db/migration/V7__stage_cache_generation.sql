-- Flushing a stage's response cache bumps this number: it is part of every cache key on the
-- gateway nodes, so all of them stop seeing the old entries with the next configuration.
alter table stage add column cache_generation bigint not null default 0;
