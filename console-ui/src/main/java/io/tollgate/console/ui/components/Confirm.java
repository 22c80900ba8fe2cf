package io.tollgate.console.ui.components;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before anything that cannot be undone. */
public final class Confirm {

    private Confirm() {
    }

    public static void destructive(String header, String text, String confirmLabel, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> action.run());
        dialog.open();
    }
}
