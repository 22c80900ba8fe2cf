package io.tollgate.runtime;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The real components the platform runs on. */
public enum Service {
    POSTGRES, KAFKA, KEYCLOAK, INFINISPAN;

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code postgres,kafka}; blank means all. */
    public static Set<Service> parseList(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(Service.class);
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> Service.valueOf(name.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Service.class)));
    }
}
