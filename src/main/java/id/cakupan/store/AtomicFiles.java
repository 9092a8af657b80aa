package id.cakupan.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Durable file writes: content forced to disk before anything points at it, renames that are atomic. */
final class AtomicFiles {
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A file as written: its SHA-256 and length, which the generation's manifest records. */
  record Written(String sha256, long bytes) {}

  private AtomicFiles() {}

  /** Writes a new file and forces it to disk. */
  static Written writeDurably(Path file, Body body) throws IOException {
    MessageDigest sha = sha256();
    try (OutputStream out = new DigestOutputStream(
        new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16), sha)) {
      body.writeTo(out);
    }
    KillPoints.step("wrote " + relative(file));
    force(file);
    KillPoints.step("synced " + relative(file));
    return new Written(HexFormat.of().formatHex(sha.digest()), Files.size(file));
  }

  /** Replaces target so that readers, and a restart after a crash, see the old or the new content. */
  static void replace(Path target, byte[] content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    writeDurably(tmp, out -> out.write(content));
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    KillPoints.step("renamed " + relative(tmp) + " to " + target.getFileName());
    syncDirectory(target.getParent());
  }

  /** Makes renames and new entries in dir survive a power cut, not only a killed process. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for syncing; the rename is still atomic there.
      if (Files.isDirectory(dir)) return;
      throw e;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static String relative(Path file) {
    Path parent = file.getParent();
    return parent == null ? file.toString() : parent.getFileName() + "/" + file.getFileName();
  }
}
