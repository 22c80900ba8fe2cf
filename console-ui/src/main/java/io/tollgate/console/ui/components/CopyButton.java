package io.tollgate.console.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Copies a text to the clipboard in the browser (no round trip needed for the copy itself). */
public final class CopyButton {

    private CopyButton() {
    }

    public static Button of(String text) {
        Button copy = new Button("Copy", VaadinIcon.COPY.create());
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copy.addClickListener(event -> {
            copy.getElement().executeJs("return navigator.clipboard.writeText($0)", text);
            Notifications.success("Copied to the clipboard");
        });
        return copy;
    }
}
