-- Ids of the access events counted, written in the same transaction as the aggregates: an event
-- delivered twice (its Kafka acknowledgement was lost, so the node spooled and sent it again) is
-- counted once. Keyed by the event's own UTC day first, so that pruning (ids older than
-- tollgate.analytics.dedupe.window) is a range delete on the primary key; a duplicate carries the
-- same event time, so it always meets its first copy's row while that row is kept.
create table counted_event_ids (
    event_day date not null,
    event_id  text not null,
    primary key (event_day, event_id)
);
