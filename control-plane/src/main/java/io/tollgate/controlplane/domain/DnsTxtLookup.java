package io.tollgate.controlplane.domain;

import io.smallrye.mutiny.Uni;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.dns.DnsException;
import io.vertx.core.dns.DnsResponseCode;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.dns.DnsClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks TXT records up with Vert.x's non-blocking DNS client, through the resolver configured in
 * {@code tollgate.domains.dns-resolver} (host:port) or, when unset, the system's first name server.
 * Answers, never failures: the caller tells the tenant what was found.
 */
@ApplicationScoped
public class DnsTxtLookup {

    /** What a lookup found. */
    public sealed interface Answer {
    }

    /** The TXT strings at the name (possibly none: the name exists without TXT records). */
    public record Found(List<String> values) implements Answer {
    }

    /** The name does not exist (NXDOMAIN). */
    public record NoSuchName() implements Answer {
    }

    /** The resolver could not answer: timeout, SERVFAIL, REFUSED, unreachable. */
    public record LookupFailed(String reason) implements Answer {
    }

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "tollgate.domains.dns-resolver")
    Optional<String> resolver;

    @ConfigProperty(name = "tollgate.domains.dns-timeout", defaultValue = "PT5S")
    Duration timeout;

    private DnsClient client;

    @PostConstruct
    void createClient() {
        DnsClientOptions options = new DnsClientOptions().setQueryTimeout(timeout.toMillis()).setRecursionDesired(true);
        resolver.filter(value -> !value.isBlank()).ifPresent(address -> {
            int colon = address.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("tollgate.domains.dns-resolver must be host:port, got " + address);
            }
            options.setHost(address.substring(0, colon).replaceAll("^\\[|]$", ""))
                    .setPort(Integer.parseInt(address.substring(colon + 1)));
        });
        client = vertx.createDnsClient(options);
    }

    public Uni<Answer> txt(String name) {
        // The answer arrives on the DNS client's event loop; continue on the caller's context, where
        // its database session lives.
        Context caller = Vertx.currentContext();
        Uni<Answer> answer = client.resolveTXT(name)
                .map(values -> (Answer) new Found(values))
                .onFailure().recoverWithItem(DnsTxtLookup::failure);
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(task));
    }

    private static Answer failure(Throwable failure) {
        if (failure instanceof DnsException dns && dns.code() == DnsResponseCode.NXDOMAIN) {
            return new NoSuchName();
        }
        if (failure instanceof DnsException dns) {
            return new LookupFailed("the resolver answered " + dns.code());
        }
        return new LookupFailed(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }
}
