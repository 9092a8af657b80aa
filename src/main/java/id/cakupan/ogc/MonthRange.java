package id.cakupan.ogc;

import id.cakupan.coverage.Period;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The months an OGC {@code datetime} parameter selects. Coverage features are calendar months,
 * so any instant, date or interval becomes the months it touches:
 * <ul>
 *   <li>{@code 2026-10} (a month, lenient), {@code 2026-10-15} (a date) or
 *       {@code 2026-10-15T08:00:00Z} (an RFC 3339 date-time, taken in UTC): that one month;</li>
 *   <li>{@code start/end} with either end open ({@code ..} or empty): every month from the one
 *       holding {@code start} to the one holding {@code end}, both included.</li>
 * </ul>
 *
 * @param from first month, or null for open
 * @param to last month, or null for open
 */
public record MonthRange(Period from, Period to) {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  public boolean contains(Period p) {
    return (from == null || p.compareTo(from) >= 0) && (to == null || p.compareTo(to) <= 0);
  }

  public static MonthRange parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) throw new IllegalArgumentException("datetime is empty");
    int slash = s.indexOf('/');
    if (slash < 0) {
      if (s.equals("..")) throw new IllegalArgumentException("'..' is only allowed as one end of an interval");
      Period p = month(s);
      return new MonthRange(p, p);
    }
    if (s.indexOf('/', slash + 1) >= 0) throw new IllegalArgumentException("'" + text + "' has more than one '/'");
    String a = s.substring(0, slash).trim();
    String b = s.substring(slash + 1).trim();
    Period from = open(a) ? null : month(a);
    Period to = open(b) ? null : month(b);
    if (from == null && to == null) throw new IllegalArgumentException("'" + text + "': at least one end must be given");
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new IllegalArgumentException("'" + text + "' ends before it starts");
    }
    return new MonthRange(from, to);
  }

  private static boolean open(String s) {
    return s.isEmpty() || s.equals("..");
  }

  private static Period month(String s) {
    try {
      if (MONTH.matcher(s).matches()) return new Period(YearMonth.parse(s));
      if (DATE.matcher(s).matches()) return new Period(YearMonth.from(LocalDate.parse(s)));
      OffsetDateTime t = OffsetDateTime.parse(s.replace(' ', 'T').replace('t', 'T').replace('z', 'Z'));
      return new Period(YearMonth.from(t.withOffsetSameInstant(ZoneOffset.UTC)));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a month (2026-10), a date (2026-10-15) or an RFC 3339"
          + " date-time (2026-10-15T08:00:00Z)");
    }
  }
}
