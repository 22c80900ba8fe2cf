package io.tollgate.console.ui.components;

import com.vaadin.flow.component.html.Span;

/** A short status in a pill (Verified, Draft…): green when all is well, grey while something is pending. */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static Span of(String text, boolean good) {
        Span badge = new Span(text);
        badge.addClassName("status-badge");
        badge.getStyle().set("display", "inline-block").set("padding", "0.15em 0.6em").set("border-radius", "1em")
                .set("font-size", "var(--lumo-font-size-s, 0.875rem)").set("white-space", "nowrap")
                .set("background", good ? "#dff3e6" : "#ececec").set("color", good ? "#1d6b3d" : "#444");
        return badge;
    }
}
