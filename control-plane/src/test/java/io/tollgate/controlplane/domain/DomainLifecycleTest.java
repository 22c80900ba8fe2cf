package io.tollgate.controlplane.domain;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static io.tollgate.controlplane.domain.TestCertificates.chain;
import static io.tollgate.controlplane.domain.TestCertificates.ec;
import static io.tollgate.controlplane.domain.TestCertificates.intermediate;
import static io.tollgate.controlplane.domain.TestCertificates.leaf;
import static io.tollgate.controlplane.domain.TestCertificates.root;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.contract.pem.Pem;
import io.tollgate.contract.v1.Sealing;
import io.tollgate.controlplane.TenantApi.Signed;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Custom domains through the tenant API, verified against a real dnsmasq on loopback. */
@QuarkusTest
class DomainLifecycleTest {

    private static final String PROBLEMS = "https://tollgate.dev/problems/";

    @ConfigProperty(name = "tollgate.domains.dns-resolver")
    String resolver;

    @ConfigProperty(name = "tollgate.config.seal-key")
    String sealKey;

    @Inject
    Pool pool;

    /** A hostname no other test uses, under .test (dnsmasq answers NXDOMAIN for unknown names there). */
    static String uniqueHost() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
    }

    private Dnsmasq dnsServing(Map<String, String> records) throws Exception {
        return Dnsmasq.serve(Integer.parseInt(resolver.substring(resolver.lastIndexOf(':') + 1)), records);
    }

    static Map<String, Object> addDomain(Signed who, String tenant, String hostname) {
        return who.call().body(Map.of("hostname", hostname)).post("/v1/tenants/{t}/domains", tenant).then().statusCode(201)
                .extract().jsonPath().getMap("");
    }

    /** Adds the hostname and verifies it with dnsmasq serving its token; returns the domain id. */
    String verifiedDomain(Signed who, String tenant, String hostname) throws Exception {
        Map<String, Object> domain = addDomain(who, tenant, hostname);
        @SuppressWarnings("unchecked")
        Map<String, String> txt = (Map<String, String>) domain.get("verification");
        try (Dnsmasq ignored = dnsServing(Map.of(txt.get("name"), txt.get("value")))) {
            who.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, domain.get("id")).then().statusCode(200)
                    .body("status", equalTo("VERIFIED"));
        }
        return (String) domain.get("id");
    }

    @Test
    void a_new_domain_is_pending_with_the_txt_record_to_create() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Domains");
        String host = uniqueHost();
        String id = owner.call().body(Map.of("hostname", host.toUpperCase() + ".")).post("/v1/tenants/{t}/domains", tenant)
                .then().statusCode(201)
                .header("Location", containsString("/v1/tenants/" + tenant + "/domains/"))
                .header("ETag", "\"0\"")
                .body("hostname", equalTo(host))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .body("verification.type", equalTo("TXT"))
                .body("verification.name", equalTo("_tollgate-challenge." + host))
                .body("verification.value", startsWith("tollgate-verify-"))
                .body("verifiedAt", nullValue())
                .body("certificate", nullValue())
                .extract().path("id");
        owner.call().get("/v1/tenants/{t}/domains/{d}", tenant, id).then().statusCode(200).header("ETag", "\"0\"")
                .body("hostname", equalTo(host));
        owner.call().get("/v1/tenants/{t}/domains", tenant).then().statusCode(200).body("items.id", contains(id));
        // Tokens are random per claim.
        String other = owner.call().body(Map.of("hostname", uniqueHost())).post("/v1/tenants/{t}/domains", tenant).then()
                .extract().path("verification.value");
        owner.call().get("/v1/tenants/{t}/domains/{d}", tenant, id).then().body("verification.value", not(equalTo(other)));

        owner.call().body(Map.of("hostname", host)).post("/v1/tenants/{t}/domains", tenant).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "conflict"));
        owner.call().body(Map.of("hostname", "*.example.test")).post("/v1/tenants/{t}/domains", tenant).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("hostname"));
        owner.call().body(Map.of()).post("/v1/tenants/{t}/domains", tenant).then().statusCode(400)
                .body("violations[0].field", equalTo("hostname")).body("violations[0].message", equalTo("is required"));
    }

    @Test
    void lists_page_with_a_cursor() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Many domains");
        List<String> ids = List.of(addDomain(owner, tenant, uniqueHost()), addDomain(owner, tenant, uniqueHost()),
                addDomain(owner, tenant, uniqueHost())).stream().map(d -> (String) d.get("id")).toList();
        String cursor = owner.call().get("/v1/tenants/{t}/domains?limit=2", tenant).then().statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(1))).extract().path("nextCursor");
        owner.call().queryParam("limit", 2).queryParam("cursor", cursor).get("/v1/tenants/{t}/domains", tenant).then()
                .body("items.id", contains(ids.get(2))).body("nextCursor", nullValue());
    }

    @Test
    void the_domain_is_verified_when_dns_serves_its_token() throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Verified");
        String host = uniqueHost();
        Map<String, Object> domain = addDomain(owner, tenant, host);
        @SuppressWarnings("unchecked")
        Map<String, String> txt = (Map<String, String>) domain.get("verification");
        try (Dnsmasq ignored = dnsServing(Map.of(txt.get("name"), txt.get("value")))) {
            owner.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, domain.get("id")).then().statusCode(200)
                    .header("ETag", "\"1\"")
                    .body("status", equalTo("VERIFIED"))
                    .body("verifiedAt", notNullValue());
        }
        // Verified stays verified, without asking DNS again (no server is running now).
        owner.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, domain.get("id")).then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
    }

    @Test
    void verification_says_what_dns_returned_instead_of_the_token() throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Unverified");
        String host = uniqueHost();
        Map<String, Object> domain = addDomain(owner, tenant, host);
        @SuppressWarnings("unchecked")
        Map<String, String> txt = (Map<String, String>) domain.get("verification");
        Object id = domain.get("id");
        try (Dnsmasq ignored = dnsServing(Map.of(txt.get("name"), "someone-elses-token"))) {
            owner.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, id).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "domain-verification-failed"))
                    .body("detail", containsString("[someone-elses-token]"))
                    .body("detail", containsString(txt.get("value")));
        }
        try (Dnsmasq ignored = dnsServing(Map.of("_tollgate-challenge.elsewhere.example.test", txt.get("value")))) {
            owner.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, id).then().statusCode(422)
                    .body("type", equalTo(PROBLEMS + "domain-verification-failed"))
                    .body("detail", containsString("NXDOMAIN"))
                    .body("detail", containsString(txt.get("name")));
        }
        // No DNS server at all: nothing is known, so not "verification failed" but "try again".
        owner.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, id).then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "dns-unavailable"));
        owner.call().get("/v1/tenants/{t}/domains/{d}", tenant, id).then().body("status", equalTo("PENDING_VERIFICATION"))
                .header("ETag", "\"0\"");
    }

    @Test
    void a_hostname_verified_by_one_tenant_cannot_be_claimed_or_verified_by_another() throws Exception {
        String host = uniqueHost();
        Signed ownerA = signUp("owner-a");
        String a = createTenant(ownerA, "A");
        Signed ownerB = signUp("owner-b");
        String b = createTenant(ownerB, "B");
        // Both may claim it while nobody has verified it...
        Map<String, Object> claimOfB = addDomain(ownerB, b, host);
        verifiedDomain(ownerA, a, host);
        // ...but once A verified it, B can neither verify its claim (even with its token in DNS) nor claim it anew.
        @SuppressWarnings("unchecked")
        Map<String, String> txtOfB = (Map<String, String>) claimOfB.get("verification");
        try (Dnsmasq ignored = dnsServing(Map.of(txtOfB.get("name"), txtOfB.get("value")))) {
            ownerB.call().post("/v1/tenants/{t}/domains/{d}/verify", b, claimOfB.get("id")).then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "conflict"))
                    .body("detail", containsString("verified by another tenant"));
        }
        Signed ownerC = signUp("owner-c");
        String c = createTenant(ownerC, "C");
        ownerC.call().body(Map.of("hostname", host)).post("/v1/tenants/{t}/domains", c).then().statusCode(409)
                .body("detail", containsString("verified by another tenant"));
    }

    @Test
    void a_valid_certificate_is_stored_sealed_and_summarised_never_returned() throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Certificates");
        String host = uniqueHost();
        String id = (String) addDomain(owner, tenant, host).get("id");
        TestCertificates.Issued root = root("Test Root");
        TestCertificates.Issued intermediate = intermediate("Test Intermediate", root);
        TestCertificates.Issued leaf = leaf(intermediate, ec(), host);
        Map<String, String> upload = Map.of("chainPem", chain(leaf, intermediate), "privateKeyPem", leaf.privateKeyPem());

        owner.call().header("If-Match", "\"7\"").body(upload).put("/v1/tenants/{t}/domains/{d}/certificate", tenant, id)
                .then().statusCode(412).body("type", equalTo(PROBLEMS + "precondition-failed"));
        String body = owner.call().header("If-Match", "\"0\"").body(upload)
                .put("/v1/tenants/{t}/domains/{d}/certificate", tenant, id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("certificate.subject", equalTo("CN=" + host))
                .body("certificate.issuer", equalTo("CN=Test Intermediate"))
                .body("certificate.subjectAlternativeNames", contains(host))
                .body("certificate.notAfter", equalTo(leaf.certificate().getNotAfter().toInstant().toString()))
                .body("certificate.sha256Fingerprint", notNullValue())
                .body("certificate.chainLength", equalTo(2))
                .extract().asString();
        String keyBody = leaf.privateKeyPem().split("\n")[1];
        assertFalse(body.contains("PRIVATE KEY") || body.contains(keyBody), "the key is never returned: " + body);
        owner.call().get("/v1/tenants/{t}/domains/{d}", tenant, id).then()
                .body("certificate.subject", equalTo("CN=" + host))
                .body(not(containsString("PRIVATE KEY")));

        // At rest: AES-GCM under the seal key, bound to this domain's record key; opens to the key as uploaded.
        Row row = pool.preparedQuery("select sealed_private_key, certificate_chain from custom_domain where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
        String sealed = row.getString("sealed_private_key");
        assertFalse(sealed.contains("PRIVATE KEY") || sealed.contains(keyBody), sealed);
        String opened = new String(Sealing.fromBase64(sealKey).open(sealed, "domain:" + id), StandardCharsets.US_ASCII);
        assertEquals(leaf.keys().getPrivate(), Pem.privateKey(opened));
        assertEquals(leaf.certificate(), Pem.certificates(row.getString("certificate_chain"))[0]);

        owner.call().delete("/v1/tenants/{t}/domains/{d}/certificate", tenant, id).then().statusCode(200)
                .header("ETag", "\"2\"").body("certificate", nullValue());
        owner.call().delete("/v1/tenants/{t}/domains/{d}/certificate", tenant, id).then().statusCode(404);
    }

    @Test
    void an_unusable_certificate_is_refused_with_every_failed_check() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Bad certificates");
        String host = uniqueHost();
        String id = (String) addDomain(owner, tenant, host).get("id");
        TestCertificates.Issued root = root("Test Root");
        TestCertificates.Issued unrelated = root("Unrelated CA");
        Instant now = Instant.now();
        TestCertificates.Issued expiredForOtherHost = leaf(root, ec(), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)),
                "other.example.test");
        TestCertificates.Issued stranger = leaf(root, ec(), host);

        owner.call().body(Map.of("chainPem", chain(expiredForOtherHost, unrelated), "privateKeyPem", stranger.privateKeyPem()))
                .put("/v1/tenants/{t}/domains/{d}/certificate", tenant, id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("violations.field", contains("chainPem[0]", "chainPem[0]", "chainPem[0]", "privateKeyPem"))
                .body("violations.message", hasItem(startsWith("is not signed by the certificate after it")))
                .body("violations.message", hasItem(startsWith("expired at ")))
                .body("violations.message", hasItem(containsString("does not name " + host)))
                .body("violations.message", hasItem("does not belong to the public key of chainPem[0]"));
        TestCertificates.Issued notYet = leaf(root, ec(), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), host);
        owner.call().body(Map.of("chainPem", chain(notYet, root), "privateKeyPem", notYet.privateKeyPem()))
                .put("/v1/tenants/{t}/domains/{d}/certificate", tenant, id).then().statusCode(400)
                .body("violations.field", contains("chainPem[0]"))
                .body("violations[0].message", startsWith("is not valid before "));
        owner.call().body(Map.of("chainPem", "not a certificate"))
                .put("/v1/tenants/{t}/domains/{d}/certificate", tenant, id).then().statusCode(400)
                .body("violations.field", contains("chainPem", "privateKeyPem"));
        owner.call().get("/v1/tenants/{t}/domains/{d}", tenant, id).then().header("ETag", "\"0\"")
                .body("certificate", nullValue());
    }

    @Test
    void base_paths_map_to_stages_of_the_tenants_own_apis() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Mappings");
        String api = createApi(owner, tenant, "Orders");
        String id = (String) addDomain(owner, tenant, uniqueHost()).get("id");
        String mappings = "/v1/tenants/{t}/domains/{d}/mappings";

        String mapping = owner.call().body(Map.of("basePath", "/v1/", "apiId", api, "stage", "prod")).post(mappings, tenant, id)
                .then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", containsString("/domains/" + id + "/mappings/"))
                .body("basePath", equalTo("v1")).body("apiId", equalTo(api)).body("stage", equalTo("prod"))
                .body("domainId", equalTo(id))
                .extract().path("id");
        String root = owner.call().body(Map.of("apiId", api, "stage", "dev")).post(mappings, tenant, id).then().statusCode(201)
                .body("basePath", equalTo("")).extract().path("id");
        owner.call().body(Map.of("basePath", "v1", "apiId", api, "stage", "dev")).post(mappings, tenant, id).then()
                .statusCode(409).body("detail", containsString("'v1'"));

        Signed stranger = signUp("stranger");
        String apiOfOther = createApi(stranger, createTenant(stranger, "Other"), "Theirs");
        owner.call().body(Map.of("basePath", "theirs", "apiId", apiOfOther, "stage", "prod")).post(mappings, tenant, id)
                .then().statusCode(400).body("violations.field", contains("apiId"))
                .body("violations[0].message", equalTo("is not an API of this tenant"));
        owner.call().body(Map.of("basePath", "a b", "stage", "")).post(mappings, tenant, id).then().statusCode(400)
                .body("violations.field", contains("apiId", "basePath", "stage"));

        owner.call().get(mappings, tenant, id).then().statusCode(200).body("items.id", contains(mapping, root));
        owner.call().get(mappings + "/{m}", tenant, id, mapping).then().statusCode(200).header("ETag", "\"0\"");
        owner.call().header("If-Match", "\"3\"").body(Map.of("basePath", "v2", "apiId", api, "stage", "prod"))
                .put(mappings + "/{m}", tenant, id, mapping).then().statusCode(412);
        owner.call().header("If-Match", "\"0\"").body(Map.of("basePath", "v2", "apiId", api, "stage", "prod"))
                .put(mappings + "/{m}", tenant, id, mapping).then().statusCode(200).header("ETag", "\"1\"")
                .body("basePath", equalTo("v2"));
        owner.call().body(Map.of("basePath", "", "apiId", api, "stage", "prod"))
                .put(mappings + "/{m}", tenant, id, mapping).then().statusCode(409);
        owner.call().delete(mappings + "/{m}", tenant, id, mapping).then().statusCode(204);
        owner.call().get(mappings + "/{m}", tenant, id, mapping).then().statusCode(404);

        // A mapping id under another domain of the tenant finds nothing.
        String otherDomain = (String) addDomain(owner, tenant, uniqueHost()).get("id");
        owner.call().get(mappings + "/{m}", tenant, otherDomain, root).then().statusCode(404);
        // Deleting the domain takes its mappings along.
        owner.call().delete("/v1/tenants/{t}/domains/{d}", tenant, id).then().statusCode(204);
        owner.call().get("/v1/tenants/{t}/domains/{d}", tenant, id).then().statusCode(404);
        owner.call().get(mappings, tenant, id).then().statusCode(404);
    }

    @Test
    void a_viewer_reads_domains_but_cannot_change_them() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Roles");
        String api = createApi(owner, tenant, "Pets");
        String id = (String) addDomain(owner, tenant, uniqueHost()).get("id");
        String mapping = owner.call().body(Map.of("basePath", "pets", "apiId", api, "stage", "prod"))
                .post("/v1/tenants/{t}/domains/{d}/mappings", tenant, id).then().statusCode(201).extract().path("id");
        Signed viewer = join(owner, tenant, "viewer", "viewer");

        viewer.call().get("/v1/tenants/{t}/domains", tenant).then().statusCode(200).body("items.id", contains(id));
        viewer.call().get("/v1/tenants/{t}/domains/{d}", tenant, id).then().statusCode(200);
        viewer.call().get("/v1/tenants/{t}/domains/{d}/mappings", tenant, id).then().statusCode(200);
        for (io.restassured.response.Response refused : List.of(
                viewer.call().body(Map.of("hostname", uniqueHost())).post("/v1/tenants/{t}/domains", tenant),
                viewer.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, id),
                viewer.call().body(Map.of("chainPem", "x", "privateKeyPem", "y")).put("/v1/tenants/{t}/domains/{d}/certificate", tenant, id),
                viewer.call().delete("/v1/tenants/{t}/domains/{d}/certificate", tenant, id),
                viewer.call().delete("/v1/tenants/{t}/domains/{d}", tenant, id),
                viewer.call().body(Map.of("basePath", "x", "apiId", api, "stage", "prod"))
                        .post("/v1/tenants/{t}/domains/{d}/mappings", tenant, id),
                viewer.call().body(Map.of("basePath", "x", "apiId", api, "stage", "prod"))
                        .put("/v1/tenants/{t}/domains/{d}/mappings/{m}", tenant, id, mapping),
                viewer.call().delete("/v1/tenants/{t}/domains/{d}/mappings/{m}", tenant, id, mapping))) {
            refused.then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
        Signed developer = join(owner, tenant, "developer", "developer");
        developer.call().body(Map.of("hostname", uniqueHost())).post("/v1/tenants/{t}/domains", tenant).then().statusCode(201);
        owner.call().get("/v1/tenants/{t}/domains/{d}/mappings/{m}", tenant, id, mapping).then().body("basePath", equalTo("pets"));
    }

    @Test
    void every_change_is_audited_without_the_key() throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Audited");
        String api = createApi(owner, tenant, "Pets");
        String host = uniqueHost();
        String id = verifiedDomain(owner, tenant, host);
        TestCertificates.Issued root = root("Test Root");
        TestCertificates.Issued leaf = leaf(root, ec(), host);
        owner.call().body(Map.of("chainPem", chain(leaf, root), "privateKeyPem", leaf.privateKeyPem()))
                .put("/v1/tenants/{t}/domains/{d}/certificate", tenant, id).then().statusCode(200);
        String mapping = owner.call().body(Map.of("basePath", "pets", "apiId", api, "stage", "prod"))
                .post("/v1/tenants/{t}/domains/{d}/mappings", tenant, id).then().statusCode(201).extract().path("id");
        owner.call().body(Map.of("basePath", "pets2", "apiId", api, "stage", "prod"))
                .put("/v1/tenants/{t}/domains/{d}/mappings/{m}", tenant, id, mapping).then().statusCode(200);
        owner.call().delete("/v1/tenants/{t}/domains/{d}/mappings/{m}", tenant, id, mapping).then().statusCode(204);
        owner.call().delete("/v1/tenants/{t}/domains/{d}", tenant, id).then().statusCode(204);

        String log = owner.call().get("/v1/tenants/{t}/audit-log?limit=8", tenant).then().statusCode(200)
                .body("items.action", contains("domain.deleted", "domain.mapping_deleted", "domain.mapping_updated",
                        "domain.mapping_created", "domain.certificate_uploaded", "domain.verified", "domain.created",
                        "api.created"))
                .body("items[4].after.hostname", equalTo(host))
                .body("items[4].after.certificateSha256", notNullValue())
                .body("items[2].before.basePath", equalTo("pets"))
                .body("items[2].after.basePath", equalTo("pets2"))
                .extract().asString();
        assertFalse(log.contains("PRIVATE KEY") || log.contains(leaf.privateKeyPem().split("\n")[1]), log);
    }
}
