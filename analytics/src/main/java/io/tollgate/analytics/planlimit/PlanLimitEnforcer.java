package io.tollgate.analytics.planlimit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tollgate.analytics.planlimit.ControlPlaneReporter.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Enforces the hard limits of the tenants' price plans: every interval (and at once when nudged, after a
 * plan change), on a thread of its own, it reports the tenants whose limit the running month's counts
 * reached to the control plane, which restricts their traffic, and the restrictions that no longer
 * hold (a new month, a plan change), which it lifts. What the control plane acknowledged is kept in
 * {@code plan_limit_reports}, so each round reports only differences, and a failed report is simply
 * found again next round (the control plane takes repeats as no-ops).
 */
@ApplicationScoped
public class PlanLimitEnforcer {

    private static final Logger LOG = Logger.getLogger(PlanLimitEnforcer.class);

    @ConfigProperty(name = "tollgate.analytics.plan-limits.enabled")
    boolean enabled;

    @ConfigProperty(name = "tollgate.analytics.plan-limits.interval")
    Duration interval;

    @ConfigProperty(name = "tollgate.analytics.plan-limits.batch-size")
    int batchSize;

    @Inject
    DataSource dataSource;

    @Inject
    ControlPlaneReporter reporter;

    Clock clock = Clock.systemUTC();

    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            thread = Thread.ofPlatform().name("plan-limits").daemon().unstarted(this::loop);
            thread.start();
        }
    }

    /** Checks again now rather than at the next interval (a tenant's plan changed). */
    public void nudge() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                checkOnce();
            } catch (Exception e) {
                LOG.warn("plan limit check failed; trying again next round", e);
            }
            try {
                if (nudges.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    nudges.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One round: new restrictions first (a tenant over its limit in a new month is restricted for that
     * month without a gap), then lifts; at most a batch of each. Answers how many reports succeeded.
     */
    public synchronized int checkOnce() throws Exception {
        YearMonth month = YearMonth.now(clock);
        int done = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (PlanLimitChecks.Reached reached : PlanLimitChecks.reached(connection, month, batchSize)) {
                try {
                    Outcome outcome = reporter.reached(reached);
                    if (outcome == Outcome.NO_SUCH_TENANT) {
                        LOG.warnf("tenant %s reached its %s limit but the control plane does not know it", reached.tenantId(),
                                reached.plan());
                    }
                    PlanLimitChecks.reported(connection, reached, Instant.now(clock)); // so it is not reported again
                    done++;
                    LOG.infof("tenant %s reached its %s plan's monthly allowance (%d of %d requests in %s): restricted",
                            reached.tenantId(), reached.plan(), reached.requests(), reached.allowance(), reached.period());
                } catch (java.io.IOException e) {
                    LOG.warnf("could not report tenant %s's used-up plan limit: %s (next round)", reached.tenantId(), e.getMessage());
                }
            }
            for (PlanLimitChecks.Lift lift : PlanLimitChecks.toLift(connection, month, batchSize)) {
                try {
                    reporter.lift(lift);
                    PlanLimitChecks.lifted(connection, lift);
                    done++;
                    LOG.infof("tenant %s's plan limit of %s lifted (%s)", lift.tenantId(), lift.period(), lift.reason());
                } catch (java.io.IOException e) {
                    LOG.warnf("could not lift tenant %s's plan limit: %s (next round)", lift.tenantId(), e.getMessage());
                }
            }
        }
        return done;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
