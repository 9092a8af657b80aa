package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.app.Cakupan;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.config.Config;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads go to scratch files as they arrive, not into the heap: a multipart part past the
 * in-memory threshold is on disk while the client is still sending, so is a raw body, and every
 * scratch file is gone once the request is answered, whatever the answer. The server accepts
 * 8 MiB so that a test can pass the limit cheaply.
 */
class UploadSpoolTest {
  static final String TOKEN = "upload-spool-token";
  static final long LIMIT = 8L << 20;
  @TempDir static Path dataDir;
  static Cakupan app;
  static Javalin server;
  static Path uploads;
  static ErrorLogs logs;

  @BeforeAll
  static void start() throws Exception {
    logs = new ErrorLogs();
    app = Cakupan.open(new Config(0, dataDir, null, null, null, TOKEN, null), ServerFixture.CLOCK);
    server = ApiServer.create(app, app.imports(ServerFixture.CLOCK), LIMIT).start("127.0.0.1", 0);
    uploads = app.workDir().resolve("uploads");
  }

  @AfterAll
  static void stop() {
    try {
      assertEquals(List.of(), logs.errors(), "uploads, good or too large, log no ERROR");
    } finally {
      logs.close();
      server.stop();
      app.close();
    }
  }

  /** Five years of counts for every kelurahan: some 200 KB, well past the 64 KiB kept in memory. */
  static byte[] fiveYearsCsv() {
    StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
    for (Kelurahan k : app.layers().atlas().boundaries().kelurahan()) {
      for (int year = 2020; year < 2025; year++) {
        for (int month = 1; month <= 12; month++) {
          for (String sector : new String[] {"PU", "BPU", "JAKON"}) {
            csv.append(k.code()).append(',').append(year).append('-').append(month < 10 ? "0" : "").append(month)
                .append(',').append(sector).append(',').append(100 + month).append(',').append(1000).append('\n');
          }
        }
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMultipartFilePastTheThresholdIsOnDiskWhileItArrivesAndGoneAfterwards() throws Exception {
    byte[] csv = fiveYearsCsv();
    assertTrue(csv.length > 2 * ApiServer.MULTIPART_IN_MEMORY_KIB * 1024, "past the threshold: " + csv.length);
    String boundary = "spool-boundary";
    byte[] head = RawHttp.ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
        + "filename=\"lima-tahun.csv\"\r\nContent-Type: text/csv\r\n\r\n");
    byte[] tail = RawHttp.ascii("\r\n--" + boundary + "--\r\n");
    int firstPart = csv.length / 2;
    RawHttp.Response r = sendInTwoHalves("/api/imports/coverage", "multipart/form-data; boundary=" + boundary,
        concat(head, java.util.Arrays.copyOf(csv, firstPart)),
        concat(java.util.Arrays.copyOfRange(csv, firstPart, csv.length), tail));
    assertEquals(200, r.status(), r.text());
    JsonNode body = ServerFixture.parse(r.text());
    assertEquals(app.layers().atlas().boundaries().kelurahan().size() * 5 * 12 * 3, body.get("rows").asInt());
    assertTrue(app.layers().atlas().coverage().periods().stream().anyMatch(p -> p.toString().equals("2020-01")),
        "the upload was imported");
    assertNoScratchFilesLeft();
  }

  @Test
  void aRawBodyIsWrittenToAScratchFileWhileItArrives() throws Exception {
    byte[] csv = fiveYearsCsv();
    int half = csv.length / 2;
    RawHttp.Response r = sendInTwoHalves("/api/imports/coverage?name=mentah.csv", "text/csv",
        java.util.Arrays.copyOf(csv, half), java.util.Arrays.copyOfRange(csv, half, csv.length));
    assertEquals(200, r.status(), r.text());
    assertNoScratchFilesLeft();
  }

  @Test
  void aBoundaryUploadIsReadFromItsScratchFile() throws Exception {
    for (String name : new String[] {SharedGeodata.GEOPACKAGE, SharedGeodata.DKI_GEOJSON}) {
      byte[] file = Files.readAllBytes(SharedGeodata.file(name));
      assertTrue(file.length > ApiServer.MULTIPART_IN_MEMORY_KIB * 1024, name);
      RawHttp.Response r = multipart("/api/imports/boundaries?dry_run=true", name, file);
      assertEquals(200, r.status(), name + ": " + r.text());
      JsonNode body = ServerFixture.parse(r.text());
      assertEquals("dry_run", body.get("status").asText());
      assertEquals(31, body.get("kelurahan").asInt(), name);
      assertNoScratchFilesLeft();
    }
  }

  @Test
  void anUploadPastTheLimitIs413AndChangesNothing() throws Exception {
    int imports = app.store().imports().size();
    long version = app.store().version();
    byte[] big = new byte[(int) LIMIT + 1024];
    byte[] row = RawHttp.ascii("31.72.03.1004,2019-01,PU,5\n");
    for (int i = 0; i < big.length; i++) big[i] = row[i % row.length];
    byte[] csv = concat(RawHttp.ascii("kode_wilayah,periode,sektor,peserta_aktif\n"), big);

    RawHttp.Response asPart = multipart("/api/imports/coverage", "besar.csv", csv);
    assertProblem(asPart, 413, "file");
    assertNoScratchFilesLeft();

    RawHttp.Response chunked = sendInTwoHalves("/api/imports/coverage", "text/csv",
        java.util.Arrays.copyOf(csv, csv.length / 2), java.util.Arrays.copyOfRange(csv, csv.length / 2, csv.length));
    assertProblem(chunked, 413, "body");
    assertNoScratchFilesLeft();

    assertEquals(imports, app.store().imports().size(), "nothing was imported");
    assertEquals(version, app.store().version(), "the store did not change");
    assertTrue(app.layers().atlas().coverage().periods().stream().noneMatch(p -> p.toString().equals("2019-01")));
  }

  @Test
  void jsonBodiesAreCappedAt64KiBEvenWhenChunked() throws Exception {
    int activities = app.store().activities().size();
    String note = "x".repeat(70_000);
    for (String[] write : new String[][] {
        {"POST", "/api/activities", "{\"type\":\"bazar\",\"status\":\"rencana\",\"date\":\"2026-12-05\","
            + "\"organiser\":\"Kecamatan Koja\",\"code\":\"31.72.03.1001\",\"note\":\"" + note + "\"}"},
        {"PUT", "/api/targets/31.72.03.1001/BPU/2026-12", "{\"target\":5,\"note\":\"" + note + "\"}"}}) {
      byte[] body = write[2].getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(RawHttp.ascii(write[0] + " " + write[1] + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
          + TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
      chunk(request, body);
      request.write(RawHttp.ascii("0\r\n\r\n"));
      assertProblem(RawHttp.exchange(server.port(), request.toByteArray()), 413, "body");
    }
    assertEquals(activities, app.store().activities().size(), "no activity was stored");
    assertNoScratchFilesLeft();
  }

  private static void assertProblem(RawHttp.Response r, int status, String parameter) throws Exception {
    assertEquals(status, r.status(), r.text());
    assertEquals(ProblemResponses.MEDIA_TYPE, r.contentType());
    JsonNode p = ServerFixture.parse(r.text());
    assertEquals(status, p.get("status").asInt());
    assertEquals(parameter, p.path("parameter").asText(null), r.text());
  }

  /**
   * Jetty removes its part files when the request completes, which may be a moment after the
   * client has read the answer: wait for that (a bound against hanging, not a measured time).
   */
  private static void assertNoScratchFilesLeft() throws Exception {
    long giveUp = System.nanoTime() + 10_000_000_000L;
    List<Path> left = scratchFiles();
    while (!left.isEmpty() && System.nanoTime() < giveUp) {
      Thread.sleep(20);
      left = scratchFiles();
    }
    assertEquals(List.of(), left, "scratch files left behind in " + uploads);
  }

  private static List<Path> scratchFiles() throws IOException {
    try (Stream<Path> files = Files.list(uploads)) {
      return files.toList();
    }
  }

  /**
   * Sends the first part of a chunked body, waits until a scratch file holding bytes shows up in
   * the upload directory (the server is writing to disk, not to the heap), then sends the rest.
   */
  private static RawHttp.Response sendInTwoHalves(String path, String contentType, byte[] first, byte[] rest)
      throws Exception {
    try (Socket socket = RawHttp.open(server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(RawHttp.ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
      chunk(out, first);
      out.flush();
      long giveUp = System.nanoTime() + 30_000_000_000L;
      long onDisk = 0;
      while (onDisk == 0 && System.nanoTime() < giveUp) {
        for (Path f : scratchFiles()) onDisk = Math.max(onDisk, Files.size(f));
        if (onDisk == 0) Thread.sleep(10);
      }
      assertTrue(onDisk > 0, "no scratch file while the upload arrives: the server holds it in memory");
      try {
        chunk(out, rest);
        out.write(RawHttp.ascii("0\r\n\r\n"));
        out.flush();
      } catch (IOException answeredEarly) {
        // A server that refused the upload may close the connection before the rest is sent.
      }
      return RawHttp.read(socket.getInputStream());
    }
  }

  private static RawHttp.Response multipart(String path, String fileName, byte[] content) throws IOException {
    String boundary = "spool-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(RawHttp.ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
    body.write(content);
    body.write(RawHttp.ascii("\r\n--" + boundary + "--\r\n"));
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(RawHttp.ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
        + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
        + "\r\nConnection: close\r\n\r\n"));
    body.writeTo(request);
    try (Socket socket = RawHttp.open(server.port())) {
      try {
        socket.getOutputStream().write(request.toByteArray());
        socket.getOutputStream().flush();
      } catch (IOException answeredEarly) {
        // The server may answer a 413 and close before the whole body is sent.
      }
      return RawHttp.read(socket.getInputStream());
    }
  }

  private static void chunk(OutputStream out, byte[] bytes) throws IOException {
    out.write(RawHttp.ascii(Integer.toHexString(bytes.length) + "\r\n"));
    out.write(bytes);
    out.write(RawHttp.ascii("\r\n"));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
