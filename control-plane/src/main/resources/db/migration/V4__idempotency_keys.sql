-- Idempotency keys of creating POSTs (the Idempotency-Key request header). A row is claimed when the
-- first request with a key starts (status null = in progress) and completed with the response that
-- request got, which repeats of the same key and body are answered with for 24 hours.
create table idempotency_key (
    -- Who sent it: actor type and id (a Keycloak subject or an access token id).
    caller          varchar(300)   not null,
    -- The request path, which includes the tenant: a key counts only for the same collection.
    path            varchar(1024)  not null,
    idem_key        varchar(255)   not null,
    -- Lower-case hex SHA-256 of method, path and body: a repeat with another body is refused (422).
    request_hash    varchar(64)    not null,
    status          integer,
    location        varchar(2048),
    etag            varchar(256),
    content_type    varchar(256),
    body            text,
    created_at      timestamptz    not null,
    expires_at      timestamptz    not null,
    primary key (caller, path, idem_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
