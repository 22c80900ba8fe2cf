package io.tollgate.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Class paths of the server distributions, as Maven resolved them into the local repository when
 * deploy/distributions was built (so starting a server needs no network).
 */
final class Distributions {

    private Distributions() {
    }

    static String classpath(String distribution) {
        String resource = "/io/tollgate/runtime/distributions/" + distribution + "/classpath.txt";
        try (InputStream in = Distributions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No class path for " + distribution
                        + ": build deploy/distributions first (./mvnw -pl deploy/runtime -am package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
