package io.tollgate.controlplane.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collects every invalid field of a request before failing, so a client learns all its mistakes from
 * one response instead of one per attempt. Rules classes fill one and call {@link #throwIfAny()}.
 */
public final class Violations {

    private final List<Problem.Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new Problem.Violation(field, message));
        return this;
    }

    /** Records the violation when {@code invalid} holds; returns whether the value was valid. */
    public boolean reject(boolean invalid, String field, String message) {
        if (invalid) {
            add(field, message);
        }
        return !invalid;
    }

    public boolean required(Object value, String field) {
        boolean missing = value == null || value instanceof String s && s.isBlank();
        return reject(missing, field, "is required");
    }

    public void maxLength(String value, int max, String field) {
        reject(value != null && value.length() > max, field, "must be at most " + max + " characters");
    }

    public void between(Integer value, long min, long max, String field) {
        reject(value != null && (value < min || value > max), field, "must be between " + min + " and " + max);
    }

    public void between(Double value, double min, double max, String field) {
        reject(value != null && !(value >= min && value <= max), field, "must be between " + format(min) + " and " + format(max));
    }

    public void matches(String value, Pattern pattern, String field, String message) {
        reject(value != null && !pattern.matcher(value).matches(), field, message);
    }

    /** Every element of a list must be present and at most {@code max} characters. */
    public void strings(Collection<String> values, int max, String field) {
        if (values == null) {
            return;
        }
        int i = 0;
        for (String value : values) {
            if (value == null || value.isBlank()) {
                add(field + "[" + i + "]", "must not be blank");
            } else {
                maxLength(value, max, field + "[" + i + "]");
            }
            i++;
        }
    }

    /** Names must match the pattern and values be at most {@code maxValue} characters. */
    public void stringMap(Map<String, String> values, Pattern names, String nameRule, int maxValue, String field) {
        if (values == null) {
            return;
        }
        values.forEach((name, value) -> {
            if (!names.matcher(name).matches()) {
                add(field + "." + name, nameRule);
            } else if (value == null) {
                add(field + "." + name, "must not be null");
            } else {
                maxLength(value, maxValue, field + "." + name);
            }
        });
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem.Violation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<Problem.Violation> sorted = found.stream()
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String detail = sorted.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        throw new ProblemException(ProblemType.VALIDATION, detail, sorted);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
