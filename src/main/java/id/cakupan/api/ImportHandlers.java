package id.cakupan.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.app.BoundaryChanges;
import id.cakupan.app.Imports;
import id.cakupan.app.Outreach;
import id.cakupan.auth.Principal;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.boundary.UnmatchedFeature;
import id.cakupan.coverage.CoverageImport;
import id.cakupan.coverage.ImportError;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Authenticated imports: the file comes as the raw body or as multipart field {@code file}. */
final class ImportHandlers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(ImportHandlers.class);
  private final Imports imports;
  private final Access access;
  private final long maxUploadBytes;
  private final Outreach outreach;
  private final Path uploadDir;
  private final UploadMemory memory;

  /**
   * @param uploadDir where uploads are written as they arrive (Jetty's multipart parts too)
   * @param memory the budget of import files held in memory at once
   */
  ImportHandlers(Imports imports, Access access, long maxUploadBytes, Outreach outreach, Path uploadDir,
      UploadMemory memory) {
    this.imports = imports;
    this.access = access;
    this.outreach = outreach;
    this.maxUploadBytes = maxUploadBytes;
    this.uploadDir = uploadDir;
    this.memory = memory;
  }

  void coverage(Context ctx) {
    Principal by = access.requireImporter(ctx);
    new QueryParams(ctx, Set.of("name"));
    try (Upload upload = upload(ctx, "coverage.csv")) {
      CoverageImport result = imports.coverage(upload.name(), upload.content(), by);
      ObjectNode body = JSON.createObjectNode();
      if (result.accepted()) {
        body.put("status", "imported");
        body.put("rows", result.records().size());
        body.putArray("errors");
        ctx.json(body);
        return;
      }
      rejected(ctx, upload.name(), result.errors());
    }
  }

  /** The 422 report of a rejected file, the same for every CSV import. */
  static void rejected(Context ctx, String fileName, List<ImportError> problems) {
    ObjectNode body = JSON.createObjectNode();
    // The SPEC fixes this report's shape; the problem members make it a problem document too.
    body.put("type", "about:blank");
    body.put("title", "Import rejected");
    body.put("detail", fileName + ": " + problems.size() + " problem(s); nothing was stored");
    // RFC 9457: status is the HTTP status as a number; the outcome says what happened to the file.
    body.put("status", 422);
    body.put("outcome", "rejected");
    body.put("rows", 0);
    ArrayNode errors = body.putArray("errors");
    for (ImportError e : problems) {
      ObjectNode n = errors.addObject();
      n.put("line", e.line());
      if (e.column() == null) n.putNull("column");
      else n.put("column", e.column());
      n.put("message", e.message());
    }
    ctx.status(422).contentType(ProblemResponses.MEDIA_TYPE).result(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  void boundaries(Context ctx) {
    Principal by = access.requireImporter(ctx);
    QueryParams p = new QueryParams(ctx, Set.of("name", "dry_run"));
    boolean dryRun = p.get("dry_run", Boolean::parseBoolean, false);
    BoundaryChanges changes;
    try (Upload upload = upload(ctx, "boundaries")) {
      changes = imports.boundaryUpload(upload.name(), upload.file(), by, dryRun);
    } catch (BoundaryFormatException e) {
      throw new Problem(422, "Boundary file rejected", e.getMessage(), "file");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not read back an upload's scratch file", e);
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("status", dryRun ? "dry_run" : "imported");
    body.put("kelurahan", changes.added().size() + changes.geometryChanged().size() + changes.unchanged());
    list(body, "added", changes.added());
    list(body, "removed", changes.removed());
    list(body, "geometry_changed", changes.geometryChanged());
    body.put("unchanged", changes.unchanged());
    ArrayNode unmatched = body.putArray("unmatched");
    for (UnmatchedFeature u : changes.unmatched()) unmatched.add(u.describe());
    ctx.json(body);
  }

  /** Activities are a few thousand rows at most: a file beyond this is not one. */
  static final long MAX_ACTIVITY_FILE_BYTES = 8L << 20;

  /**
   * {@code POST /api/imports/activities}: a CSV of activities stored whole or not at all; 403 when
   * the token may not write some rows' kecamatan (the lines are listed), 422 for bad rows.
   */
  void activities(Context ctx) {
    Principal by = access.require(ctx, Principal::mayRecordActivities, "role admin, sudin, branch or camat");
    new QueryParams(ctx, Set.of("name"));
    Outreach.FileImport result;
    String fileName;
    try (Upload upload = upload(ctx, "activities.csv", Math.min(maxUploadBytes, MAX_ACTIVITY_FILE_BYTES))) {
      fileName = upload.name();
      result = outreach.importCsv(upload.content(), by);
    }
    ObjectNode body = JSON.createObjectNode();
    if (result.accepted()) {
      body.put("status", "imported");
      body.put("rows", result.created() + result.updated());
      body.put("created", result.created());
      body.put("updated", result.updated());
      body.putArray("errors");
      ctx.json(body);
      return;
    }
    boolean scope = !result.outOfScope().isEmpty();
    List<ImportError> errors = scope ? result.outOfScope() : result.errors();
    body.put("type", "about:blank");
    body.put("title", scope ? "Forbidden" : "Import rejected");
    body.put("status", scope ? 403 : 422);
    body.put("detail", fileName + ": " + errors.size() + (scope ? " row(s) outside what the token may write"
        : " problem(s)") + "; nothing was stored");
    body.put("outcome", "rejected");
    body.put("rows", 0);
    ArrayNode list = body.putArray("errors");
    for (ImportError e : errors) {
      ObjectNode n = list.addObject();
      n.put("line", e.line());
      if (e.column() == null) n.putNull("column");
      else n.put("column", e.column());
      n.put("message", e.message());
    }
    ctx.status(scope ? 403 : 422).contentType(ProblemResponses.MEDIA_TYPE)
        .result(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void list(ObjectNode body, String field, List<String> values) {
    ArrayNode a = body.putArray(field);
    values.forEach(a::add);
  }

  /** The import file of this request, written to a scratch file; the caller closes it. */
  Upload upload(Context ctx, String defaultName) {
    return upload(ctx, defaultName, maxUploadBytes);
  }

  Upload upload(Context ctx, String defaultName, long maxUploadBytes) {
    String mediaType = mediaType(ctx.contentType());
    if (mediaType.equals("multipart/form-data")) return multipart(ctx, maxUploadBytes);
    if (mediaType.startsWith("multipart/")) {
      throw new Problem(415, "Unsupported media type", mediaType + " is not accepted; send the file as the "
          + "request body or as field 'file' of multipart/form-data", "Content-Type");
    }
    if (ctx.req().getContentLengthLong() > maxUploadBytes) throw BoundedBody.tooLarge(maxUploadBytes, "body");
    String name = ctx.queryParam("name");
    Upload upload;
    try (InputStream in = ctx.req().getInputStream()) {
      upload = spool(in, name == null || name.isBlank() ? defaultName : name, maxUploadBytes, "body");
    } catch (IOException e) {
      throw Problem.badParameter("body", "the request body could not be read: " + e.getMessage());
    }
    if (upload.size() == 0) {
      upload.close();
      throw Problem.badParameter("body", "the request body is empty; send the file as the body or as multipart field 'file'");
    }
    return upload;
  }

  private Upload multipart(Context ctx, long maxUploadBytes) {
    UploadedFile file;
    try {
      // Jetty writes each part beyond a few KiB to uploadDir and removes it when the request completes.
      file = ctx.uploadedFile("file");
    } catch (Exception e) { // Jetty's IOException and ServletException pass through Kotlin undeclared
      throw badMultipart(e);
    }
    if (file == null) throw Problem.badParameter("file", "multipart upload needs a field named 'file'");
    try (InputStream in = file.content()) {
      return spool(in, file.filename(), maxUploadBytes, "file");
    } catch (IOException e) {
      throw Problem.badParameter("file", "could not read the uploaded file: " + e.getMessage());
    }
  }

  /** Writes the upload to a scratch file as it arrives; the file is gone again if anything fails. */
  private Upload spool(InputStream in, String name, long limit, String parameter) throws IOException {
    Path file;
    try {
      file = Files.createTempFile(uploadDir, "upload-", ".part");
    } catch (IOException e) {
      throw noRoom(e);
    }
    boolean kept = false;
    try (OutputStream out = Files.newOutputStream(file)) {
      long size = BoundedBody.copy(in, out, limit, parameter);
      kept = true;
      return new Upload(name, file, size, memory);
    } catch (UncheckedIOException e) {
      throw noRoom(e.getCause());
    } finally {
      if (!kept) Files.deleteIfExists(file);
    }
  }

  /** The scratch directory refused a write (a full disk): the file was fine, the server could not take it. */
  private Problem noRoom(IOException e) {
    LOG.warn("could not write an upload to {}: {}", uploadDir, e.toString());
    return new Problem(503, "Service unavailable", "the server could not store the upload for reading; nothing "
        + "was stored, send the file again later", null);
  }

  /**
   * Jetty's multipart parser reports a client's broken or oversized body as an unchecked
   * exception (its size limits count bytes received, chunked or not); each is the client's doing.
   */
  private Problem badMultipart(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("exceeds max") || message.contains("maxRequestSize")) {
        return BoundedBody.tooLarge(maxUploadBytes, "file");
      }
    }
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return Problem.badParameter("body", "the multipart/form-data body could not be read: " + root.getMessage());
  }

  private static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
