package id.cakupan.boundary;

import java.math.BigDecimal;

/**
 * One set of value types for attributes from every format, so callers need a single code path:
 * integral numbers become {@code Long}, other numbers {@code Double}; the rest is left alone.
 */
final class AttributeValues {

    private AttributeValues() {
    }

    static Object normalise(Object raw) {
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        if (raw instanceof BigDecimal decimal) {
            return integralOrDouble(decimal);
        }
        return raw;
    }

    // DBF stores numbers as decimal text, so "12" and "12.000" both arrive as BigDecimal.
    private static Object integralOrDouble(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return decimal.doubleValue();
    }
}
