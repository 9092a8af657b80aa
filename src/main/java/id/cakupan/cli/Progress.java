package id.cakupan.cli;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on stderr for long imports, so stdout keeps only the report. */
final class Progress {
  private final PrintStream out;
  private final long start = System.nanoTime();

  Progress(PrintStream out) {
    this.out = out;
  }

  void phase(String what) {
    out.println("[" + elapsedSeconds() + "] " + what + " ...");
  }

  String elapsed() {
    return "in " + elapsedSeconds();
  }

  private String elapsedSeconds() {
    return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - start) / 1e9);
  }

  static String bytes(long n) {
    if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}
