package io.tollgate.console.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Title, one line on what the page is for, and the page's main actions on the right. */
public final class PageHeader extends HorizontalLayout {

    public PageHeader(String title, String purpose, Component... actions) {
        VerticalLayout text = new VerticalLayout(new H2(title), new Paragraph(purpose));
        text.setPadding(false);
        text.setSpacing(false);
        add(text);
        add(actions);
        setWidthFull();
        expand(text);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        addClassName("page-header");
    }
}
