package io.tollgate.console.ui.charts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * An Apache ECharts chart. ECharts is not in the Vaadin bundle: its script is served from the webjar
 * (org.webjars.npm:echarts) and loaded once per page; the option (ECharts' JSON configuration) is
 * built in Java and handed over whole. The element gets {@code data-rendered} once drawn, which
 * browser tests wait for.
 */
public class EChart extends Div {

    /** The webjar's file; the version is the one console-ui/pom.xml depends on. */
    static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    /** Waits for the script, creates the chart once, replaces its option, follows the element's size. */
    private static final String RENDER = """
            const el = this;
            const option = JSON.parse($0);
            const draw = () => {
              if (!window.echarts) { setTimeout(draw, 50); return; }
              const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, {renderer: 'canvas'});
              chart.setOption(option, true);
              if (!el.__tollgateResize) {
                el.__tollgateResize = new ResizeObserver(() => chart.resize());
                el.__tollgateResize.observe(el);
              }
              chart.on('finished', () => el.setAttribute('data-rendered', 'true'));
            };
            draw();""";

    private String option;

    public EChart(String height) {
        addClassName("echart");
        setWidthFull();
        setHeight(height);
    }

    public void setOption(ObjectNode option) {
        this.option = option.toString();
        getElement().removeAttribute("data-rendered");
        if (isAttached()) {
            render();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addJavaScript(SCRIPT);
        if (option != null) {
            render();
        }
    }

    private void render() {
        getElement().executeJs(RENDER, option);
    }
}
