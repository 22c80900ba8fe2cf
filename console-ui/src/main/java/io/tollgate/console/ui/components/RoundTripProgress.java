package io.tollgate.console.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * An indeterminate progress bar for a button whose action is one server round trip (deploy, import):
 * the browser itself shows it at the click, so it is visible during the whole round trip (a change made
 * on the server would only arrive with the answer), and {@link #done()} hides it when the answer comes.
 */
public final class RoundTripProgress extends ProgressBar {

    public RoundTripProgress(String id) {
        setIndeterminate(true);
        setVisible(false);
        setId(id);
    }

    /** Shows this bar in the browser when {@code button} is clicked. */
    public RoundTripProgress shownBy(Button button) {
        button.getElement().executeJs("this.addEventListener('click', () => $0.hidden = false)", getElement());
        return this;
    }

    /** Hides it again (in the browser, where it was shown: the server-side state never changed). */
    public void done() {
        getElement().executeJs("this.hidden = true");
    }
}
