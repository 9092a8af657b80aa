package id.cakupan.coverage;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A calendar month of coverage data, written {@code YYYY-MM}. */
public record Period(YearMonth month) implements Comparable<Period> {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

  public Period {
    if (month == null) throw new IllegalArgumentException("month is required");
  }

  public static Period of(int year, int month) {
    return new Period(YearMonth.of(year, month));
  }

  public static Period parse(String text) {
    String s = text == null ? "" : text.trim();
    if (!s.matches("\\d{4}-\\d{2}")) {
      throw new IllegalArgumentException("'" + text + "' is not a month: expected YYYY-MM, e.g. 2026-10");
    }
    try {
      return new Period(YearMonth.parse(s, FORMAT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a month: expected YYYY-MM, e.g. 2026-10");
    }
  }

  public Period previous() {
    return new Period(month.minusMonths(1));
  }

  public Period minusMonths(int n) {
    return new Period(month.minusMonths(n));
  }

  public Period plusMonths(long n) {
    return new Period(month.plusMonths(n));
  }

  /** Whole months from this month to {@code later} (negative when it is earlier). */
  public long monthsUntil(Period later) {
    return (later.month.getYear() - (long) month.getYear()) * 12 + later.month.getMonthValue() - month.getMonthValue();
  }

  @Override
  public int compareTo(Period o) {
    return month.compareTo(o.month);
  }

  @Override
  public String toString() {
    return month.format(FORMAT);
  }
}
