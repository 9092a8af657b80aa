package id.cakupan.coverage;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The metrics every layer can show (SPEC §3), each knowing how to read itself off {@link Figures}. */
public enum Metric {
  PARTICIPANTS("participants", "Peserta aktif", "peserta", f -> toDouble(f.participants())),
  WORKFORCE("workforce", "Tenaga kerja", "pekerja", f -> toDouble(f.workforce())),
  COVERAGE_RATE("coverage_rate", "Tingkat cakupan", "%", Figures::coverageRate),
  UNCOVERED("uncovered", "Pekerja belum terlindungi", "pekerja", f -> toDouble(f.uncovered())),
  CHANGE("change", "Perubahan peserta", "peserta", f -> toDouble(f.change())),
  DENSITY("density", "Kepadatan peserta", "peserta/km²", Figures::density);

  private final String key;
  private final String label;
  private final String unit;
  private final Function<Figures, Double> reader;

  Metric(String key, String label, String unit, Function<Figures, Double> reader) {
    this.key = key;
    this.label = label;
    this.unit = unit;
    this.reader = reader;
  }

  public String key() {
    return key;
  }

  /** Indonesian label for legends. */
  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  /** True when a larger value is the better situation: decides the palette's direction. */
  public boolean higherIsBetter() {
    return this != UNCOVERED;
  }

  public Double valueOf(Figures figures) {
    return reader.apply(figures);
  }

  public static Metric parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Metric m : values()) {
      if (m.key.equals(s)) return m;
    }
    throw new IllegalArgumentException("'" + text + "' is not a metric: expected one of "
        + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")));
  }

  private static Double toDouble(Long v) {
    return v == null ? null : v.doubleValue();
  }
}
