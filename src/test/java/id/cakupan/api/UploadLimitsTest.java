package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.app.Cakupan;
import id.cakupan.config.Config;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads are bounded by the bytes actually read, and a file's own declared sizes are checked
 * before anything is allocated by them. The server here accepts 8 MiB, not 1 GiB, so that a test
 * can go past the limit cheaply; the code path is the same.
 */
class UploadLimitsTest {
  static final String TOKEN = "upload-limits-token";
  static final long LIMIT = 8L << 20;
  static final long ENDLESS = 1100L << 20;
  @TempDir static Path dataDir;
  static Cakupan app;
  static Javalin server;
  static ErrorLogs logs;

  @BeforeAll
  static void start() throws Exception {
    logs = new ErrorLogs();
    app = Cakupan.open(new Config(0, dataDir, null, null, null, TOKEN, null), ServerFixture.CLOCK);
    server = ApiServer.create(app, app.imports(ServerFixture.CLOCK), LIMIT).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    try {
      assertEquals(java.util.List.of(), logs.errors(), "a client's oversized or lying upload logs no ERROR");
    } finally {
      logs.close();
      server.stop();
      app.close();
    }
  }

  @Test
  void aChunkedBodyPastTheLimitIs413AndIsNotReadToTheEnd() throws Exception {
    byte[] row = RawHttp.ascii("31.72.03.1004,2026-10,PU,5\n");
    Streamed r = streamChunked("/api/imports/coverage", "text/csv", new byte[0], row);
    assertProblem(r.response, 413, "body");
    // The server stopped at the limit; the client could push only what socket buffers hold beyond it.
    assertTrue(r.sentWhenAnswered < LIMIT + (64L << 20),
        "the server read on: " + r.sentWhenAnswered + " bytes were sent before it answered");
  }

  @Test
  void aChunkedMultipartFilePastTheLimitIs413() throws Exception {
    String boundary = "limit-boundary";
    byte[] head = RawHttp.ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
        + "filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n");
    Streamed r = streamChunked("/api/imports/coverage", "multipart/form-data; boundary=" + boundary, head,
        RawHttp.ascii("31.72.03.1004,2026-10,PU,5\n"));
    assertProblem(r.response, 413, "file");
    assertTrue(r.sentWhenAnswered < LIMIT + (64L << 20),
        "the server read on: " + r.sentWhenAnswered + " bytes were sent before it answered");
  }

  @Test
  void aDeclaredLengthPastTheLimitIs413BeforeReading() throws Exception {
    RawHttp.Response r = RawHttp.exchange(server.port(), RawHttp.ascii("POST /api/imports/boundaries HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: application/zip\r\n"
        + "Content-Length: " + (LIMIT + 1) + "\r\nConnection: close\r\n\r\nPK\u0003\u0004"));
    assertProblem(r, 413, "body");
  }

  @Test
  void aShapefileWhoseHeaderClaimsA2GbRecordIs422() throws Exception {
    byte[] zip = lyingShapefileZip();
    assertTrue(zip.length < 2048, "a tiny upload: " + zip.length);
    RawHttp.Response r = post("/api/imports/boundaries?name=lies.zip", "application/zip", zip);
    JsonNode p = assertProblem(r, 422, "file");
    String detail = p.get("detail").asText();
    assertTrue(detail.startsWith("lies.zip"), detail);
    assertTrue(detail.contains("kelurahan.shp") && detail.contains("record 1 claims 2147483646 bytes"), detail);
  }

  @Test
  void aZipBombIs422WithoutUnpackingIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("kelurahan.shp"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) zip.write(zeros);
      zip.closeEntry();
    }
    assertTrue(bytes.size() < LIMIT / 16, "100 MiB of zeros deflate to " + bytes.size() + " bytes");
    RawHttp.Response r = post("/api/imports/boundaries?name=bomb.zip", "application/zip", bytes.toByteArray());
    String detail = assertProblem(r, 422, "file").get("detail").asText();
    assertTrue(detail.startsWith("bomb.zip: unpacks to more than 64 MiB"), detail);
    assertTrue(detail.contains("zip bomb"), detail);
  }

  @Test
  void aCsvWithHugeCellsIsRejectedWithASmallReport() throws Exception {
    String huge = "x".repeat(1_500_000);
    String csv = "kode_wilayah,periode,sektor,peserta_aktif\n" + huge + "," + huge + "," + huge + "," + huge + "\n";
    RawHttp.Response r = post("/api/imports/coverage", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, r.status(), r.text().length() > 500 ? r.text().substring(0, 500) : r.text());
    assertTrue(r.body().length < 4096, "a 6 MB file gave a " + r.body().length + "-byte report");
    JsonNode errors = ServerFixture.parse(r.text()).get("errors");
    assertEquals(4, errors.size(), r.text());
    for (JsonNode e : errors) {
      String message = e.get("message").asText();
      assertTrue(message.contains("x".repeat(100) + "…") && !message.contains("x".repeat(101)), message);
    }
  }

  private static JsonNode assertProblem(RawHttp.Response r, int status, String parameter) throws Exception {
    assertEquals(status, r.status(), r.text());
    assertEquals(ProblemResponses.MEDIA_TYPE, r.contentType());
    JsonNode p = ServerFixture.parse(r.text());
    assertEquals(status, p.get("status").asInt());
    assertEquals(parameter, p.path("parameter").asText(null), r.text());
    return p;
  }

  private static RawHttp.Response post(String path, String contentType, byte[] body) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(RawHttp.ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"));
    request.write(body);
    return RawHttp.exchange(server.port(), request.toByteArray());
  }

  private record Streamed(RawHttp.Response response, long sentWhenAnswered) {}

  /**
   * Sends {@code head} and then {@code unit} over and over, chunked, up to 1.1 GiB, while another
   * thread reads the answer; a server that buffers everything would answer only at the end.
   */
  private static Streamed streamChunked(String path, String contentType, byte[] head, byte[] unit)
      throws Exception {
    byte[] chunk = new byte[(64 * 1024 / unit.length) * unit.length];
    for (int i = 0; i < chunk.length; i += unit.length) System.arraycopy(unit, 0, chunk, i, unit.length);
    AtomicLong sent = new AtomicLong();
    try (Socket socket = RawHttp.open(server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(RawHttp.ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
      Thread writer = new Thread(() -> {
        try {
          writeChunk(out, head);
          sent.addAndGet(head.length);
          while (sent.get() < ENDLESS) {
            writeChunk(out, chunk);
            sent.addAndGet(chunk.length);
          }
          out.write(RawHttp.ascii("0\r\n\r\n"));
        } catch (IOException e) {
          // The server closed the connection after answering: the point of the test.
        }
      }, "chunked-upload");
      writer.start();
      RawHttp.Response response = RawHttp.read(socket.getInputStream());
      long atAnswer = sent.get();
      socket.close();
      writer.join();
      return new Streamed(response, atAnswer);
    }
  }

  private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
    if (chunk.length == 0) return;
    out.write(RawHttp.ascii(Integer.toHexString(chunk.length) + "\r\n"));
    out.write(chunk);
    out.write(RawHttp.ascii("\r\n"));
  }

  /** A 1 KB zip whose .shp has one record that claims 2 GB: the reader must not believe it. */
  static byte[] lyingShapefileZip() throws IOException {
    ByteBuffer shp = ByteBuffer.allocate(100 + 8 + 48);
    shp.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, shp.capacity() / 2);
    shp.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 5);
    shp.order(ByteOrder.BIG_ENDIAN).putInt(100, 1).putInt(104, Integer.MAX_VALUE / 2);
    shp.order(ByteOrder.LITTLE_ENDIAN).putInt(108, 5);
    String prj = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "kelurahan.shp", shp.array());
      entry(zip, "kelurahan.dbf", Arrays.copyOf(new byte[] {3}, 33));
      entry(zip, "kelurahan.prj", prj.getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
