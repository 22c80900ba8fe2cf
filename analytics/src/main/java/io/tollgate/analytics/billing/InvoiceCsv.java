package io.tollgate.analytics.billing;

/** An invoice as CSV (RFC 4180): one row per line item, then the total. */
public final class InvoiceCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private InvoiceCsv() {
    }

    public static String of(Invoice invoice) {
        StringBuilder csv = new StringBuilder("tenant_id,period,status,plan,currency,item,quantity,unit,unit_price_minor,amount_minor\r\n");
        String head = String.join(",", field(invoice.tenantId()), invoice.period(), invoice.status().name(), field(invoice.plan()),
                invoice.currency());
        for (Invoice.Line line : invoice.lines()) {
            csv.append(head).append(',').append(line.item()).append(',').append(line.quantity().toPlainString()).append(',')
                    .append(line.unit()).append(',').append(line.unitPriceMinor()).append(',').append(line.amountMinor()).append("\r\n");
        }
        csv.append(head).append(",total,,,,").append(invoice.totalMinor()).append("\r\n");
        return csv.toString();
    }

    /** Quotes a value that could hold a separator or a quote (ids are restricted, but plans are data). */
    static String field(String value) {
        return value.matches("[A-Za-z0-9._-]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
