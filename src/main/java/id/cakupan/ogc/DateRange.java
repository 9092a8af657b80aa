package id.cakupan.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The days an OGC {@code datetime} parameter selects in a collection of dated features (the
 * outreach activities): a date ({@code 2026-06-12}) or an RFC 3339 date-time (its day, taken in
 * UTC as {@link MonthRange} takes months) selects that day; a month ({@code 2026-06}, lenient as in
 * {@link MonthRange}) its days; {@code start/end}, either end open ({@code ..} or empty), every day
 * from the first one {@code start} holds to the last one {@code end} holds, both included.
 *
 * @param from first day, or null for open
 * @param to last day, or null for open
 */
public record DateRange(LocalDate from, LocalDate to) {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  public boolean contains(LocalDate d) {
    return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
  }

  public static DateRange parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) throw new IllegalArgumentException("datetime is empty");
    int slash = s.indexOf('/');
    if (slash < 0) {
      if (s.equals("..")) throw new IllegalArgumentException("'..' is only allowed as one end of an interval");
      return new DateRange(day(s, true), day(s, false));
    }
    if (s.indexOf('/', slash + 1) >= 0) throw new IllegalArgumentException("'" + text + "' has more than one '/'");
    String a = s.substring(0, slash).trim();
    String b = s.substring(slash + 1).trim();
    LocalDate from = open(a) ? null : day(a, true);
    LocalDate to = open(b) ? null : day(b, false);
    if (from == null && to == null) throw new IllegalArgumentException("'" + text + "': at least one end must be given");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("'" + text + "' ends before it starts");
    }
    return new DateRange(from, to);
  }

  private static boolean open(String s) {
    return s.isEmpty() || s.equals("..");
  }

  /** @param first for a month, its first day rather than its last */
  private static LocalDate day(String s, boolean first) {
    try {
      if (MONTH.matcher(s).matches()) {
        YearMonth m = YearMonth.parse(s);
        return first ? m.atDay(1) : m.atEndOfMonth();
      }
      if (DATE.matcher(s).matches()) return LocalDate.parse(s);
      OffsetDateTime t = OffsetDateTime.parse(s.replace(' ', 'T').replace('t', 'T').replace('z', 'Z'));
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date (2026-06-12), a month (2026-06) or an RFC 3339"
          + " date-time (2026-06-12T08:00:00Z)");
    }
  }
}
