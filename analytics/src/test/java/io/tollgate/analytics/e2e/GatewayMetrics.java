package io.tollgate.analytics.e2e;

import static io.restassured.RestAssured.given;

/** The node's access-event metrics from its /q/metrics (Prometheus text), summed over labels. */
final class GatewayMetrics {

    private final String gatewayUrl;

    GatewayMetrics(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** e.g. {@code tollgate_access_events_spooled_total}; 0 when the node has not registered it yet. */
    double value(String name) {
        double sum = 0;
        for (String line : given().baseUri(gatewayUrl).get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Nothing waits in the node: its queue and its disk spool are empty (every event is in Kafka). */
    boolean drained() {
        return value("tollgate_access_events_queued") == 0 && value("tollgate_access_events_spool_size_bytes") == 0;
    }
}
