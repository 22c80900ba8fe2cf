package io.tollgate.gateway.integration.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSONPath that mapping templates use in {@code $input.json()} and {@code $input.path()},
 * compiled once per expression: {@code $}, {@code .name}, {@code ['name']}, {@code [index]}
 * (negative from the end), {@code [*]} and {@code .*}. Evaluated over parsed JSON (maps, lists,
 * strings, numbers, booleans); a path that leads nowhere gives null.
 */
final class JsonPath {

    private sealed interface Step permits Key, Index, Wildcard {
    }

    private record Key(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final List<Step> steps;
    private final boolean multiple;

    private JsonPath(List<Step> steps) {
        this.steps = steps;
        this.multiple = steps.stream().anyMatch(step -> step instanceof Wildcard);
    }

    static JsonPath compile(String expression) {
        String e = expression.trim();
        if (!e.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with $: " + expression);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < e.length() && e.charAt(end) != '.' && e.charAt(end) != '[') {
                    end++;
                }
                String name = e.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("unsupported JSONPath (recursive descent or empty name): " + expression);
                }
                steps.add(name.equals("*") ? new Wildcard() : new Key(name));
                i = end;
            } else if (c == '[') {
                int end = e.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in JSONPath: " + expression);
                }
                String inside = e.substring(i + 1, end).trim();
                if (inside.equals("*")) {
                    steps.add(new Wildcard());
                } else if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    steps.add(new Key(inside.substring(1, inside.length() - 1)));
                } else {
                    try {
                        steps.add(new Index(Integer.parseInt(inside)));
                    } catch (NumberFormatException notAnIndex) {
                        throw new IllegalArgumentException("unsupported JSONPath selector [" + inside + "] in " + expression);
                    }
                }
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' in JSONPath " + expression);
            }
        }
        return new JsonPath(List.copyOf(steps));
    }

    /** The value at this path: one value, or a list of the matches when the path has a wildcard. */
    Object evaluate(Object root) {
        List<Object> current = new ArrayList<>();
        current.add(root);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                switch (step) {
                    case Key key -> {
                        if (value instanceof Map<?, ?> map && map.containsKey(key.name())) {
                            next.add(map.get(key.name()));
                        }
                    }
                    case Index index -> {
                        if (value instanceof List<?> list) {
                            int at = index.index() < 0 ? list.size() + index.index() : index.index();
                            if (at >= 0 && at < list.size()) {
                                next.add(list.get(at));
                            }
                        }
                    }
                    case Wildcard wildcard -> {
                        if (value instanceof Map<?, ?> map) {
                            next.addAll(map.values());
                        } else if (value instanceof List<?> list) {
                            next.addAll(list);
                        }
                    }
                }
            }
            current = next;
        }
        if (multiple) {
            return current;
        }
        return current.isEmpty() ? null : current.getFirst();
    }
}
