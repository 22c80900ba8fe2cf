package io.tollgate.console.ui.components;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** How figures read on the console: grouped counts, percentages, latencies, bytes and money. */
public final class Formats {

    private Formats() {
    }

    /** 1234567 → "1,234,567". */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** 0.1234 → "12.3 %". */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** 12.345 → "12.3 ms"; from a second on, "1.23 s". */
    public static String millis(double millis) {
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** Decimal units (as the invoices count GB): 1 500 → "1.5 kB", 2 000 000 000 → "2.0 GB". */
    public static String bytes(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Minor units of a currency: (1234, EUR) → "EUR 12.34". */
    public static String money(long minor, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // an unknown code keeps two decimals
        }
        return currency + " " + BigDecimal.valueOf(minor, digits).toPlainString();
    }

    /** An invoice quantity without trailing zeros: 0.001000 → "0.001", 1000 → "1,000". */
    public static String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return count(stripped.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        }
        return stripped.toPlainString();
    }
}
