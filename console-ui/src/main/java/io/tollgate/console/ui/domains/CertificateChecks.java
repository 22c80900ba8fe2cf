package io.tollgate.console.ui.domains;

import io.tollgate.console.client.ApiProblem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control plane's certificate checks as a person reads them: every failed check on its own line,
 * named by what was pasted ("Certificate 2 of the chain") rather than by the request field
 * ({@code chainPem[1]}).
 */
public final class CertificateChecks {

    private static final Pattern CHAIN_ENTRY = Pattern.compile("chainPem\\[(\\d+)]");

    private CertificateChecks() {
    }

    /** One line per violation, in the API's order. */
    public static List<String> describe(ApiProblem problem) {
        return problem.violations().stream().map(v -> subject(v.field()) + ": " + v.message()).toList();
    }

    /** chainPem → "The certificate chain", chainPem[0] → "Certificate 1 (the leaf)", privateKeyPem → "The private key". */
    static String subject(String field) {
        Matcher entry = CHAIN_ENTRY.matcher(field);
        if (entry.matches()) {
            int index = Integer.parseInt(entry.group(1));
            return "Certificate " + (index + 1) + (index == 0 ? " (the leaf)" : "");
        }
        return switch (field) {
            case "chainPem" -> "The certificate chain";
            case "privateKeyPem" -> "The private key";
            default -> field;
        };
    }

    /** Whether the violation is about the chain (else the key): which text area to mark. */
    static boolean aboutChain(String field) {
        return field.startsWith("chainPem");
    }
}
