package id.cakupan.cli;

import id.cakupan.coverage.ImportError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the CSV import commands share: reading the file with a progress line, and the rejection report. */
final class ImportFiles {
  /** Exit code for a file that was read and rejected. */
  static final int REJECTED = 1;
  /** Exit code for a command that could not start (no such file, no boundaries). */
  static final int UNUSABLE = 2;

  private ImportFiles() {}

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
