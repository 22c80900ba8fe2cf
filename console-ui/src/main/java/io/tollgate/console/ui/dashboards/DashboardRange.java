package io.tollgate.console.ui.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The ranges a dashboard offers, each with the resolution that gives it a readable number of points
 * (60, 24, 168, 30). Windows end at the end of the current bucket and start on a bucket boundary, so
 * the analytics API reads whole buckets and its range totals (percentiles, hit ratio) are exact.
 */
public enum DashboardRange {
    LAST_HOUR("Last hour", Duration.ofHours(1), ChronoUnit.MINUTES),
    LAST_DAY("Last 24 hours", Duration.ofHours(24), ChronoUnit.HOURS),
    LAST_WEEK("Last 7 days", Duration.ofDays(7), ChronoUnit.HOURS),
    LAST_MONTH("Last 30 days", Duration.ofDays(30), ChronoUnit.DAYS);

    /** [from, to) in UTC. */
    public record Window(Instant from, Instant to) {
    }

    private final String label;
    private final Duration length;
    private final ChronoUnit bucket;

    DashboardRange(String label, Duration length, ChronoUnit bucket) {
        this.label = label;
        this.length = length;
        this.bucket = bucket;
    }

    public String label() {
        return label;
    }

    public ChronoUnit bucket() {
        return bucket;
    }

    /** The analytics API's name of the resolution: minute, hour or day. */
    public String resolution() {
        return switch (bucket) {
            case MINUTES -> "minute";
            case HOURS -> "hour";
            default -> "day";
        };
    }

    public Window window(Instant now) {
        Instant end = now.atOffset(ZoneOffset.UTC).truncatedTo(bucket).plus(1, bucket).toInstant();
        return new Window(end.minus(length), end);
    }
}
