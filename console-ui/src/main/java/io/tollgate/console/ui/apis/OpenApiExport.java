package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * "Export": the API as an OpenAPI document with the cloud gateway's extensions, downloaded as a file.
 * The document is read from the tenant API when the link is followed, so it is always the current one.
 */
final class OpenApiExport {

    private OpenApiExport() {
    }

    /** A download link for {@code format} (json or yaml). */
    static Anchor link(TenantApiClient api, String apiPath, Wire.Api current, String format) {
        String fileName = fileName(current.name(), format);
        String mediaType = format.equals("yaml") ? "application/yaml" : "application/json";
        DownloadHandler download = DownloadHandler.fromInputStream(event -> {
            try {
                byte[] document = api.getText(apiPath + "/definition?format=" + format, mediaType)
                        .getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(document), fileName, mediaType, document.length);
            } catch (ApiProblem problem) {
                return DownloadResponse.error(problem.status(), problem.getMessage());
            }
        });
        Anchor link = new Anchor(download, AttachmentType.DOWNLOAD, "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new com.vaadin.flow.component.html.Span(" Export " + format.toUpperCase(Locale.ROOT)));
        link.setId("export-openapi-" + format);
        link.getElement().setAttribute("title", "Download " + fileName);
        return link;
    }

    /** "Pet Store" → pet-store.openapi.yaml: a name every file system takes. */
    static String fileName(String apiName, String format) {
        String base = apiName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (base.isEmpty() ? "api" : base) + ".openapi." + format;
    }
}
