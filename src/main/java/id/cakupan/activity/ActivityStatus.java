package id.cakupan.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code rencana} (planned), {@code selesai} (done), {@code batal} (cancelled); only done activities count for effect and reach. */
public enum ActivityStatus {
  RENCANA, SELESAI, BATAL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ActivityStatus parse(String text) {
    String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (ActivityStatus t : values()) {
      if (t.name().equals(s)) return t;
    }
    throw new IllegalArgumentException("'" + text + "' is not an activity status; expected one of "
        + Arrays.stream(values()).map(ActivityStatus::key).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return key();
  }
}
