package io.tollgate.console.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a secret the API returns only once (API key, access token), with a copy button and a warning. */
public final class SecretReveal {

    private SecretReveal() {
    }

    public static void show(String header, String secret) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(header);
        dialog.setCloseOnOutsideClick(false);
        Paragraph warning = new Paragraph("Copy it now: this is the only time it is shown. Tollgate keeps only a hash, "
                + "so a lost value cannot be recovered — create a new one instead.");
        warning.addClassName("secret-warning");
        TextField value = new TextField("Value");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidth("34em");
        value.setId("secret-value");
        HorizontalLayout row = new HorizontalLayout(value, CopyButton.of(secret));
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        dialog.add(warning, row);
        Button done = new Button("I have stored it", VaadinIcon.CHECK.create(), event -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }
}
