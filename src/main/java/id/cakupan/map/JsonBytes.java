package id.cakupan.map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Streams a JSON document into bytes: every response body is built this way, once, then cached. */
public final class JsonBytes {
  private static final JsonFactory FACTORY = new JsonFactory();

  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private JsonBytes() {}

  public static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      // Writing to memory does not fail; a body that throws is a programming error.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Streams the document into {@code out} (left open): a body too large to hold, written to a file. */
  public static void write(java.io.OutputStream out, Body body) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      body.write(g);
    }
  }
}
