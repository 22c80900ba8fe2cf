package io.tollgate.controlplane.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list: the items and, when more follow, the cursor that fetches the next page. */
@Schema(description = "A page of results; pass nextCursor as ?cursor= to get the next page")
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Cursor of the next page; absent on the last page") String nextCursor) {

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if any, only
     * tells that another page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, UUID> id, Function<E, T> view) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? PageRequest.encode(id.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
