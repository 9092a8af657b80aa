package id.cakupan.activity;

import id.cakupan.coverage.KelurahanCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns the fields of an activity, as text from JSON or a CSV row, into an {@link Activity}, or
 * into every reason it cannot be one. Whether the point lies inside the kelurahan needs the
 * boundaries and is checked by the caller ({@code app/Outreach}).
 */
public final class ActivityFields {
  public static final Set<String> FIELDS = Set.of("type", "status", "date", "organiser", "code", "lon", "lat",
      "target_group", "attendees", "registrations", "note");
  static final int MAX_TEXT = 200;
  static final int MAX_NOTE = 2000;
  /** Far more people than any event: a typo such as 20000 for 200 is refused, not summed. */
  static final int MAX_PEOPLE = 100_000;

  private ActivityFields() {}

  /** Either an activity or the errors; never both. */
  public record Parsed(Activity activity, List<FieldError> errors) {
    public boolean accepted() {
      return activity != null;
    }
  }

  /**
   * @param fields field name to text; absent, null or blank means not given
   * @param inRegion whether a kelurahan code is one of the region's
   * @param today done activities cannot lie after it
   */
  public static Parsed parse(String id, Map<String, String> fields, Organisers organisers,
      Predicate<KelurahanCode> inRegion, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    for (String f : fields.keySet()) {
      if (!FIELDS.contains(f) && !f.equals("id")) {
        errors.add(new FieldError(f, "unknown field '" + f + "'; an activity has " + String.join(", ",
            FIELDS.stream().sorted().toList())));
      }
    }
    ActivityType type = required(fields, "type", errors, ActivityType::parse);
    ActivityStatus status = required(fields, "status", errors, ActivityStatus::parse);
    LocalDate date = required(fields, "date", errors, ActivityFields::date);
    String organiser = required(fields, "organiser", errors, s -> {
      String m = organisers.match(s);
      if (m == null) {
        throw new IllegalArgumentException("'" + s + "' is not on the organiser list (GET /api/activities/options"
            + " lists them; e.g. " + String.join(", ", organisers.names().subList(0, Math.min(3, organisers.names().size())))
            + ")");
      }
      return m;
    });
    KelurahanCode code = required(fields, "code", errors, s -> {
      KelurahanCode c = KelurahanCode.parse(s);
      if (!inRegion.test(c)) throw new IllegalArgumentException("kelurahan " + c + " is not in this region");
      return c;
    });
    Double lon = optional(fields, "lon", errors, s -> coordinate(s, -180, 180));
    Double lat = optional(fields, "lat", errors, s -> coordinate(s, -90, 90));
    if ((lon == null) != (lat == null) && !errors.stream().anyMatch(e -> e.field().equals("lon") || e.field().equals("lat"))) {
      errors.add(new FieldError(lon == null ? "lon" : "lat", "give both lon and lat, or neither"));
    }
    String targetGroup = optional(fields, "target_group", errors, s -> text(s, MAX_TEXT));
    Integer attendees = optional(fields, "attendees", errors, ActivityFields::people);
    Integer registrations = optional(fields, "registrations", errors, ActivityFields::people);
    String note = optional(fields, "note", errors, s -> text(s, MAX_NOTE));
    if (status == ActivityStatus.SELESAI && date != null && date.isAfter(today)) {
      errors.add(new FieldError("date", "a done (selesai) activity cannot be dated after today, " + today
          + "; plan it as rencana"));
    }
    if (!errors.isEmpty()) return new Parsed(null, List.copyOf(errors));
    return new Parsed(new Activity(id, type, status, date, organiser, code, lon, lat, targetGroup, attendees,
        registrations, note), List.of());
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T required(Map<String, String> fields, String name, List<FieldError> errors, Parser<T> parser) {
    String v = fields.get(name);
    if (v == null || v.isBlank()) {
      errors.add(new FieldError(name, "'" + name + "' is required"));
      return null;
    }
    return parse(v.strip(), name, errors, parser);
  }

  private static <T> T optional(Map<String, String> fields, String name, List<FieldError> errors, Parser<T> parser) {
    String v = fields.get(name);
    if (v == null || v.isBlank()) return null;
    return parse(v.strip(), name, errors, parser);
  }

  private static <T> T parse(String v, String name, List<FieldError> errors, Parser<T> parser) {
    try {
      return parser.parse(v);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(name, e.getMessage()));
      return null;
    }
  }

  static LocalDate date(String s) {
    try {
      LocalDate d = LocalDate.parse(s);
      if (d.getYear() < 2000 || d.getYear() > 2100) throw new IllegalArgumentException(s + " is not a plausible date");
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date YYYY-MM-DD, e.g. 2026-11-15");
    }
  }

  private static double coordinate(String s, double min, double max) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a number of degrees");
    }
    if (!(v >= min && v <= max)) throw new IllegalArgumentException(s + " is outside " + (int) min + ".." + (int) max);
    return v;
  }

  private static int people(String s) {
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a whole number");
    }
    if (v < 0) throw new IllegalArgumentException(v + " is negative; counts are whole numbers >= 0");
    if (v > MAX_PEOPLE) throw new IllegalArgumentException(v + " is more than " + MAX_PEOPLE + " people");
    return v;
  }

  private static String text(String s, int max) {
    if (s.length() > max) throw new IllegalArgumentException("at most " + max + " characters, got " + s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new IllegalArgumentException("control character U+" + String.format("%04X", (int) c) + " in the text");
      }
    }
    return s;
  }
}
