package id.cakupan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An import file as received: written to a scratch file while it arrives (its bytes counted
 * against the limit), so the heap holds it only when a parser needs it whole, the CSV readers,
 * and then within a byte budget shared by every import in progress ({@link UploadMemory}).
 * Closing removes the file and gives the budget back, whatever happened in between.
 */
final class Upload implements AutoCloseable {
  private final String name;
  private final Path file;
  private final long size;
  private final UploadMemory memory;
  private long held;

  Upload(String name, Path file, long size, UploadMemory memory) {
    this.name = name;
    this.file = file;
    this.size = size;
    this.memory = memory;
  }

  String name() {
    return name;
  }

  /** The scratch file, for readers that stream it or open it in place (boundary files). */
  Path file() {
    return file;
  }

  long size() {
    return size;
  }

  /** The whole file in memory, once the budget has room for it (a 503 problem when it stays full). */
  byte[] content() {
    if (held == 0) {
      memory.acquire(size);
      held = size;
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read back the upload's scratch file " + file, e);
    }
  }

  @Override
  public void close() {
    memory.release(held);
    held = 0;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left for Cakupan.close, which empties the work directory.
    }
  }
}
