package io.tollgate.console.ui.components;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure with its name and a line of context, as dashboards and billing show their key numbers. */
public final class Tile extends Div {

    public Tile(String id, String name, String value, String context) {
        setId(id);
        addClassName("tile");
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "0.75rem 1rem").set("min-width", "9rem").set("flex", "1 1 0");
        Span label = new Span(name);
        label.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        Span figure = new Span(value);
        figure.addClassName("tile-value");
        figure.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span note = new Span(context == null ? "" : context);
        note.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-xs)");
        add(label, figure, note);
    }
}
