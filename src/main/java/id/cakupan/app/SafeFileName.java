package id.cakupan.app;

/**
 * An uploaded file's name as it may be stored and shown again (import log, /api/health, TileJSON
 * attribution): the base name only, printable, without the characters that start HTML or quote
 * attributes, and short. The name comes from the client and is never trusted.
 */
public final class SafeFileName {
  static final int MAX_LENGTH = 120;
  private static final int MAX_EXTENSION = 10;

  private SafeFileName() {}

  /** The safe form of {@code name}, or {@code fallback} when nothing of it is left. */
  public static String of(String name, String fallback) {
    if (name == null) return fallback;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String base = name.substring(slash + 1);
    StringBuilder sb = new StringBuilder(base.length());
    base.codePoints().forEach(c -> {
      if (!printable(c) || "<>\"'&`".indexOf(c) >= 0) return;
      sb.appendCodePoint(Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c);
    });
    String safe = sb.toString().replaceAll(" {2,}", " ").strip();
    if (safe.replace(".", "").isEmpty()) return fallback;
    return bounded(safe);
  }

  /** Control, format (e.g. right-to-left override), private-use and unassigned code points are dropped. */
  private static boolean printable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
           Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /** Cuts the stem, not the extension: the boundary reader still falls back on it to tell formats apart. */
  private static String bounded(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) return name;
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
    String stem = name.substring(0, name.length() - extension.length());
    int keep = MAX_LENGTH - extension.length();
    return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
  }
}
