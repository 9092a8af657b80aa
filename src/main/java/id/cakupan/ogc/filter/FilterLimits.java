package id.cakupan.ogc.filter;

/** How large a filter may be: a client's filter costs memory and time to parse and to run. */
public final class FilterLimits {
  /** Characters of filter text or JSON. */
  public static final int MAX_LENGTH = 16 * 1024;
  /** Nesting of parentheses, NOT, AND/OR and JSON arrays and objects. */
  public static final int MAX_DEPTH = 32;
  /** Values in one IN list. */
  public static final int MAX_IN_VALUES = 1000;
  /** Coordinates of all geometry literals together. */
  public static final int MAX_COORDINATES = 10_000;

  private FilterLimits() {}
}
