package io.tollgate.controlplane.openapi;

import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What reading a document found besides the definition: warnings (ignored parts, kept in document order)
 * and violations (the document cannot be imported). Every violation is collected before failing, so one
 * answer lists all of them.
 */
final class Findings {

    private final List<ImportWarning> warnings = new ArrayList<>();
    private final Violations violations = new Violations();

    void warn(String path, String message) {
        warnings.add(new ImportWarning(path, message));
    }

    void invalid(String path, String message) {
        violations.add(path, message);
    }

    /** Runs a rules check, reporting its violations under {@code prefix} instead of failing at once. */
    <T> T check(String prefix, Supplier<T> rules) {
        return check(field -> prefix + "." + field, rules);
    }

    /** Runs a rules check, reporting each violation at the document location {@code locate} gives for its field. */
    <T> T check(UnaryOperator<String> locate, Supplier<T> rules) {
        try {
            return rules.get();
        } catch (ProblemException e) {
            for (Problem.Violation violation : e.violations()) {
                invalid(locate.apply(violation.field()), violation.message());
            }
            return null;
        }
    }

    boolean valid() {
        return violations.isEmpty();
    }

    void throwIfInvalid() {
        violations.throwIfAny();
    }

    List<ImportWarning> warnings() {
        return List.copyOf(warnings);
    }
}
