package io.tollgate.gateway.policy.request;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.Map;

/**
 * Request authorizers' answers, shared by the node's deployments: per authorizer and identity (a
 * hash of the identity source values, so that tokens are not kept as keys), each for its
 * authorizer's TTL, at most a fixed number (least recently used go first).
 */
public final class AuthorizerDecisions {

    /** An answer: allowed or not, the principal and the context to pass on. */
    record Decision(boolean allowed, String principalId, Map<String, Object> context, long ttlNanos) {
    }

    private final Cache<String, Decision> decisions;

    public AuthorizerDecisions(int maxEntries) {
        this.decisions = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run)
                .expireAfter(new Expiry<String, Decision>() {
                    @Override
                    public long expireAfterCreate(String key, Decision decision, long now) {
                        return decision.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Decision decision, long now, long remaining) {
                        return decision.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Decision decision, long now, long remaining) {
                        return remaining;
                    }
                }).build();
    }

    Decision get(String key) {
        return decisions.getIfPresent(key);
    }

    void put(String key, Decision decision) {
        if (decision.ttlNanos() > 0) {
            decisions.put(key, decision);
        }
    }
}
