package io.tollgate.console.ui.components;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/**
 * A link that downloads a CSV document the console fetches from an API when the person clicks it
 * (with their token), so nothing is read before it is wanted.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static Anchor of(String label, String fileName, Supplier<byte[]> content) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = content.get();
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName, "text/csv", csv.length);
        }), "");
        link.add(VaadinIcon.DOWNLOAD.create());
        link.add(" " + label);
        return link;
    }
}
