package id.cakupan.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file so that readers (and a restart after a crash) see the old or the new content, never half. */
final class AtomicFiles {
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  static void write(Path target, Body body) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      body.writeTo(out);
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
