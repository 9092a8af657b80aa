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

  private int lastPercent = -1;

  /** A bar redrawn in place on a terminal; a line per 10% when the output is a log. */
  synchronized void bar(String what, long done, long total) {
    int percent = total == 0 ? 100 : (int) (done * 100 / total);
    boolean terminal = System.console() != null;
    if (percent == lastPercent || (!terminal && percent % 10 != 0 && percent != 100)) return;
    lastPercent = percent;
    String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
    String text = String.format(Locale.ROOT, "[%s] %3d%% %s %,d/%,d", bar, percent, what, done, total);
    if (terminal) {
      out.print("\r" + text + (percent == 100 ? "\n" : ""));
    } else {
      out.println(text);
    }
    out.flush();
  }

  static String bytes(long n) {
    if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}
