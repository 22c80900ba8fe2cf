-- Custom domains: a tenant claims a hostname, proves control of it with a DNS TXT record, uploads
-- a certificate, and maps base paths to API stages. Only verified domains reach the gateway.

create table custom_domain (
    id                    uuid primary key,
    tenant_id             uuid          not null references tenant (id) on delete cascade,
    -- Lower-case ASCII (IDNs in their xn-- form), as the gateway matches Host and SNI.
    hostname              varchar(253)  not null,
    status                varchar(32)   not null check (status in ('PENDING_VERIFICATION', 'VERIFIED')),
    -- The value the tenant publishes as TXT record _tollgate-challenge.<hostname>. Not a secret:
    -- it proves control of the DNS zone only because it is random and tied to this claim.
    verification_token    varchar(64)   not null,
    verified_at           timestamptz,
    -- The certificate chain (PEM, leaf first) and its private key sealed with AES-256-GCM under the
    -- platform's seal key (tollgate.config.seal-key), bound to the record key domain:<id>: the
    -- sealed value is published as is and only gateway nodes open it. All null until uploaded.
    certificate_chain     text,
    sealed_private_key    text,
    -- Summary of the leaf shown by the API: {subject, issuer, subjectAlternativeNames, notBefore,
    -- notAfter, sha256Fingerprint, keyAlgorithm}.
    certificate_summary   jsonb,
    created_at            timestamptz   not null,
    version               bigint        not null default 0,
    constraint custom_domain_once_per_tenant unique (tenant_id, hostname)
);
create index custom_domain_by_tenant on custom_domain (tenant_id, id);
-- A hostname serves one tenant: several may claim it, only one can hold it verified.
create unique index custom_domain_verified_once on custom_domain (hostname) where status = 'VERIFIED';

create table base_path_mapping (
    id           uuid primary key,
    tenant_id    uuid          not null references tenant (id) on delete cascade,
    domain_id    uuid          not null references custom_domain (id) on delete cascade,
    -- Without slashes at either end; '' maps the domain's root.
    base_path    varchar(512)  not null,
    -- An API of the same tenant (checked by the application). No foreign key: deleting an API keeps
    -- its mappings, which then lead to the gateway's documented "not found" until they are changed.
    api_id       uuid          not null,
    stage        varchar(128)  not null,
    created_at   timestamptz   not null,
    version      bigint        not null default 0,
    constraint base_path_once_per_domain unique (domain_id, base_path)
);
create index base_path_mapping_by_domain on base_path_mapping (tenant_id, domain_id, id);
