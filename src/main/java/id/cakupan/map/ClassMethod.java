package id.cakupan.map;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the values of a choropleth are cut into classes (SPEC §4, parameter {@code method}). */
public enum ClassMethod {
    QUANTILE("quantile"),
    EQUAL_INTERVAL("equal_interval"),
    JENKS("jenks"),
    MANUAL("manual");

    private final String key;

    ClassMethod(String key) {
        this.key = key;
    }

    /** The spelling used in the HTTP API and in the legend. */
    public String key() {
        return key;
    }

    /**
     * Parses the API spelling, case-insensitively.
     *
     * @throws IllegalArgumentException for anything else; the message lists the accepted values
     *     so that it can be shown to the client as is
     */
    public static ClassMethod parse(String s) {
        if (s != null) {
            String wanted = s.trim().toLowerCase(Locale.ROOT);
            for (ClassMethod m : values()) {
                if (m.key.equals(wanted)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown classification method '" + s + "'; accepted: "
                + Arrays.stream(values()).map(ClassMethod::key).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return key;
    }
}
