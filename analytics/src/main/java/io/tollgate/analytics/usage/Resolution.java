package io.tollgate.analytics.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The three resolutions aggregates are kept at, each in its own pair of tables. */
public enum Resolution {
    MINUTE("usage_minute", "errors_minute", ChronoUnit.MINUTES),
    HOUR("usage_hour", "errors_hour", ChronoUnit.HOURS),
    DAY("usage_day", "errors_day", ChronoUnit.DAYS);

    private final String usageTable;
    private final String errorsTable;
    private final ChronoUnit unit;

    Resolution(String usageTable, String errorsTable, ChronoUnit unit) {
        this.usageTable = usageTable;
        this.errorsTable = errorsTable;
        this.unit = unit;
    }

    public String usageTable() {
        return usageTable;
    }

    public String errorsTable() {
        return errorsTable;
    }

    public ChronoUnit unit() {
        return unit;
    }

    /** The UTC start of the bucket holding this instant. */
    public Instant bucketOf(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(unit).toInstant();
    }

    public Instant next(Instant bucket) {
        return bucket.plus(1, unit);
    }
}
