package id.cakupan.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of outreach (SPEC §7); the lower-case names are the API's. */
public enum ActivityType {
  BAZAR, PELATIHAN, PEMBINAAN, SOSIALISASI, LAINNYA;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ActivityType parse(String text) {
    String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (ActivityType t : values()) {
      if (t.name().equals(s)) return t;
    }
    throw new IllegalArgumentException("'" + text + "' is not an activity type; expected one of "
        + Arrays.stream(values()).map(ActivityType::key).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return key();
  }
}
