package id.cakupan.cli;

import id.cakupan.config.Config;
import id.cakupan.config.ConfigOptions;
import id.cakupan.coverage.ImportError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the CSV import commands share: reading the file with a progress line, running the import, and the report
 * (one "imported:" line, or "rejected:" with every bad row).
 */
final class ImportFiles {
  /** Exit code for a file that was read and rejected. */
  static final int REJECTED = 1;
  /** Exit code for a command that could not start (no such file, no boundaries). */
  static final int UNUSABLE = 2;

  private ImportFiles() {}

  /** One import of a file's bytes, given the configuration and the progress line. */
  @FunctionalInterface
  interface Importer {
    Outcome run(Config config, byte[] content, Progress progress) throws Exception;
  }

  /**
   * How an import ended: stored ({@code imported} says what, {@code notes} follow it), rejected with {@code errors},
   * or unusable (the importer has told the user why).
   */
  record Outcome(String imported, List<String> notes, List<ImportError> errors, boolean cannotStart) {
    static Outcome imported(String what) {
      return new Outcome(what, List.of(), List.of(), false);
    }

    static Outcome imported(String what, List<String> notes) {
      return new Outcome(what, List.copyOf(notes), List.of(), false);
    }

    static Outcome rejected(List<ImportError> errors) {
      return new Outcome(null, List.of(), List.copyOf(errors), false);
    }

    static Outcome unusable() {
      return new Outcome(null, List.of(), List.of(), true);
    }
  }

  /** Reads {@code file}, runs {@code importer} on its bytes and prints the report; returns the exit code. */
  static int run(ConfigOptions options, Path file, Importer importer) throws Exception {
    Config config = options.toConfig();
    Progress progress = new Progress(System.err);
    byte[] content = read(file, progress);
    if (content == null) return UNUSABLE;
    Outcome outcome = importer.run(config, content, progress);
    if (outcome.cannotStart()) return UNUSABLE;
    if (outcome.imported() == null) return rejected(file, outcome.errors());
    System.out.println("imported: " + outcome.imported() + " " + progress.elapsed());
    outcome.notes().forEach(System.out::println);
    return 0;
  }

  /** The file's bytes, or null after telling the user it is not there. */
  static byte[] read(Path file, Progress progress) throws IOException {
    if (!Files.isRegularFile(file)) {
      System.err.println("cakupan: no such file: " + file);
      return null;
    }
    progress.phase("reading " + file + " (" + Progress.bytes(Files.size(file)) + ")");
    return Files.readAllBytes(file);
  }

  static int rejected(Path file, List<ImportError> errors) {
    System.out.println("rejected: " + file + " - nothing was stored");
    for (ImportError e : errors) {
      System.out.println("  line " + e.line() + (e.column() == null ? "" : ", " + e.column()) + ": " + e.message());
    }
    return REJECTED;
  }

  static String user() {
    return "cli:" + System.getProperty("user.name");
  }
}
