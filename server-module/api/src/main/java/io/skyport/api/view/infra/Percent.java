package io.skyport.api.view.infra;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as CloudStack prints them: at most two decimals, no trailing zeros ("3.44%", "75%"). */
final class Percent {
    private Percent() {
    }

    static String of(long part, long whole) {
        return plain(part, whole) + "%";
    }

    static String plain(long part, long whole) {
        if (whole <= 0) {
            return "0";
        }
        BigDecimal p = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.toPlainString();
    }
}
