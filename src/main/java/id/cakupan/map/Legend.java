package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Metric;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a choropleth's colours mean (SPEC §4 {@code legend}): the classes with their colours,
 * labels in Indonesian and English, and how many features each holds. Built once per layer, so
 * the GeoJSON, the TileJSON and the page all show the same legend.
 *
 * @param requestedClasses the classes asked for; {@code classification.classes()} may be fewer
 *     when tied values made quantile or Jenks bounds coincide
 * @param counts features per class; a class holding none is still listed, with 0
 */
public record Legend(
    Metric metric,
    ClassMethod method,
    int requestedClasses,
    Classification classification,
    List<String> colors,
    List<Integer> counts,
    List<String> labels,
    List<String> labelsEn) {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

  /** {@code change} is gains and losses around 0; every other metric runs one way. */
  public static boolean diverging(Metric metric) {
    return metric == Metric.CHANGE;
  }

  public static Legend of(LayerQuery q, Classification classes, List<Double> values) {
    List<String> colors;
    if (classes.classes() == 0) colors = List.of();
    else if (diverging(q.metric())) colors = Palette.diverging(classes);
    else colors = (q.metric().higherIsBetter() ? Palette.SEQUENTIAL_GOOD : Palette.SEQUENTIAL_BAD).colors(classes.classes());
    int requested = q.method() == ClassMethod.MANUAL ? q.breaks().length + 1 : q.classes();
    LegendLabels labels = LegendLabels.of(q.metric(), classes, values);
    List<Integer> counts = Arrays.stream(classes.counts(values)).boxed().toList();
    return new Legend(q.metric(), q.method(), requested, classes, colors, counts, labels.labels(INDONESIAN),
        labels.labels(Locale.ENGLISH));
  }

  /** The fill of a class, or the no-data grey for null. */
  public String fill(Integer cls) {
    return cls == null ? Palette.NO_DATA : colors.get(cls);
  }

  public String scale() {
    return diverging(metric) ? "diverging" : "sequential";
  }

  /** The {@code legend} member of SPEC §4, also carried by TileJSON documents. */
  public void write(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("legend");
    g.writeStringField("metric", metric.key());
    g.writeStringField("title", metric.label());
    g.writeStringField("unit", metric.unit());
    g.writeStringField("method", method.key());
    g.writeStringField("scale", scale());
    g.writeNumberField("classes", classification.classes());
    g.writeNumberField("requested_classes", requestedClasses);
    g.writeArrayFieldStart("breaks");
    for (double b : classification.breaks()) g.writeNumber(FiguresJson.round(b, 6));
    g.writeEndArray();
    g.writeBooleanField("open_below", classification.openBelow());
    g.writeBooleanField("open_above", classification.openAbove());
    strings(g, "colors", colors);
    strings(g, "labels", labels);
    strings(g, "labels_en", labelsEn);
    g.writeArrayFieldStart("counts");
    for (int c : counts) g.writeNumber(c);
    g.writeEndArray();
    g.writeStringField("no_data", Palette.NO_DATA);
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String s : values) g.writeString(s);
    g.writeEndArray();
  }
}
