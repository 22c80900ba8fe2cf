package io.tollgate.console.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What a list shows when it has nothing yet: what the thing is for and the next step. */
public final class EmptyState extends VerticalLayout {

    public EmptyState(String heading, String explanation, Component action) {
        addClassName("empty-state");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(true);
        add(new H3(heading), new Paragraph(explanation));
        if (action != null) {
            add(action);
        }
    }
}
