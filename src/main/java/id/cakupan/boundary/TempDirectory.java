package id.cakupan.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A scratch directory for libraries that need real files; removed with everything in it on close. */
final class TempDirectory implements AutoCloseable {

    private final Path path;

    private TempDirectory(Path path) {
        this.path = path;
    }

    static TempDirectory create() {
        try {
            return new TempDirectory(Files.createTempDirectory("cakupan-boundary-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(path)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return; // already gone, or unreadable: nothing more can be done here
        }
        for (Path p : deepestFirst) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Best effort; the OS cleans its temp directory eventually.
            }
        }
    }
}
