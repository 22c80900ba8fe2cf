package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.GatewayCaller;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Try it": sends a request to a route through the real gateway, on a deployed stage, and shows the
 * status, headers, body and latency. What the person typed stays after each send.
 */
final class TryItDialog extends Dialog {

    private final Div result = new Div();

    TryItDialog(TenantApiClient api, GatewayCaller gateway, String apiPath, Wire.Api current, Wire.Route route) {
        setHeaderTitle("Try " + route.method() + " " + route.path());
        setWidth("60em");
        List<Wire.Stage> stages = api.list(apiPath + "/stages", Wire.Stage.class).stream()
                .filter(s -> s.deploymentId() != null).toList();
        if (stages.isEmpty()) {
            add(new Span("Deploy the API to a stage first (Stages & deployments tab): the gateway serves deployed stages only."));
            getFooter().add(new Button("Close", e -> close()));
            return;
        }
        Select<Wire.Stage> stage = new Select<>();
        stage.setLabel("Stage");
        stage.setItems(stages);
        stage.setItemLabelGenerator(Wire.Stage::name);
        stage.setValue(stages.stream().filter(s -> s.name().equals("prod")).findFirst().orElse(stages.getFirst()));
        stage.setId("try-stage");
        Select<String> method = new Select<>();
        method.setLabel("Method");
        method.setItems(route.method().equals("ANY") ? List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
                : List.of(route.method()));
        method.setValue(route.method().equals("ANY") ? "GET" : route.method());
        FormLayout form = new FormLayout(stage, method);
        Map<String, TextField> parameters = new LinkedHashMap<>();
        for (String name : TryItRequest.parameters(route.path())) {
            TextField value = new TextField("{" + name + "}");
            value.setId("try-param-" + name);
            parameters.put(name, value);
            form.add(value);
        }
        TextField query = new TextField("Query string");
        query.setPlaceholder("limit=10&sort=name");
        PasswordField apiKey = new PasswordField("API key (x-api-key)");
        apiKey.setId("try-api-key");
        apiKey.setRevealButtonVisible(true);
        TextArea headers = new TextArea("Headers");
        headers.setPlaceholder("Accept: application/json");
        TextArea body = new TextArea("Body");
        body.setId("try-body");
        form.add(query, apiKey, headers, body);
        form.setColspan(headers, 2);
        form.setColspan(body, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        Span invokeUrl = new Span();
        invokeUrl.addClassName("invoke-url");
        Runnable showUrl = () -> invokeUrl.setText(gateway.invokeUrl(current.id(), stage.getValue().name()) + route.path());
        stage.addValueChangeListener(e -> showUrl.run());
        showUrl.run();
        result.setId("try-result");
        result.setWidthFull();
        add(invokeUrl, form, result);
        Button send = new Button("Send", VaadinIcon.PAPERPLANE.create(), e -> {
            Map<String, String> values = parameters.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, p -> p.getValue().getValue()));
            Map<String, String> sent = TryItRequest.headers(headers.getValue());
            if (!apiKey.getValue().isBlank()) {
                sent.put("x-api-key", apiKey.getValue().trim());
            }
            String path = TryItRequest.path(stage.getValue().name(), route.path(), values, query.getValue());
            try {
                show(gateway.send(current.id(), method.getValue(), path, sent, body.getValue()));
            } catch (ApiProblem problem) {
                result.removeAll();
                result.add(new Span(problem.getMessage()));
            }
        });
        send.setId("try-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Close", e -> close()), send);
    }

    private void show(GatewayCaller.Result response) {
        result.removeAll();
        Span status = new Span("HTTP " + response.status());
        status.setId("try-status");
        status.getElement().getThemeList().add("badge " + (response.status() < 400 ? "success" : "error"));
        Span latency = new Span(String.format("%.1f ms", response.latencyMillis()));
        latency.setId("try-latency");
        Pre headerText = new Pre(response.headers().stream().map(h -> h.getKey() + ": " + h.getValue())
                .collect(Collectors.joining("\n")));
        Pre bodyText = new Pre(response.body() + (response.truncated() ? "\n… (cut at 64 KB)" : ""));
        bodyText.setId("try-response-body");
        VerticalLayout shown = new VerticalLayout(new HorizontalLayout(status, latency), new H4("Headers"), headerText,
                new H4("Body"), bodyText);
        shown.setPadding(false);
        result.add(shown);
    }
}
