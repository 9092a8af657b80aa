package id.cakupan.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Principal;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerPlaces;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.PlaceResolver;
import id.cakupan.coverage.Sector;
import id.cakupan.map.NoDataException;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.Store;
import id.cakupan.targeting.InvalidTargetException;
import id.cakupan.targeting.Target;
import id.cakupan.targeting.TargetCsv;
import id.cakupan.targeting.TargetField;
import id.cakupan.targeting.TargetImport;
import id.cakupan.targeting.TargetJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The write side of targeting (SPEC §6): one target set through the API, or a file of them. Each
 * stored target writes an audit entry {@code target.put} (subject {@code code/sector/period}, old
 * → new as JSON) in the same store write; a file is logged as an import of kind {@code targets}.
 * Who may write where is checked by the caller; a camat's file is also limited here, row by row.
 */
public final class TargetWrites {
  public static final String AUDIT_ACTION = "target.put";
  private static final JsonFactory JSON = new JsonFactory();

  private final Store store;
  private final PlaceResolver places;
  private final Clock clock;
  private final Supplier<Period> newestMonth;
  private final Runnable afterWrite;

  /**
   * @param newestMonth the newest month with coverage data (the default baseline), or null without any
   * @param afterWrite run after each stored write, e.g. to republish the server's atlas
   */
  public TargetWrites(Store store, Gazetteer gazetteer, Clock clock, Supplier<Period> newestMonth,
      Runnable afterWrite) {
    this.store = store;
    this.places = new GazetteerPlaces(gazetteer);
    this.clock = clock;
    this.newestMonth = newestMonth;
    this.afterWrite = afterWrite;
  }

  /** What a caller asks to store; baseline null for the default. */
  public record Request(long target, Period baseline, String assignee, String note) {}

  /** What one write stored and what it replaced (null when new). */
  public record Stored(Target before, Target after) {}

  /**
   * Stores one target, replacing the one with the same (kelurahan, sector, month).
   *
   * @throws NoDataException when the gazetteer has no such kelurahan
   * @throws InvalidTargetException naming the field that breaks a rule, or baseline_period when it
   *     cannot default (no coverage data)
   */
  public Stored put(KelurahanCode code, Sector sector, Period period, Request request, Principal by) {
    try {
      places.byKemendagri(code);
    } catch (IllegalArgumentException e) {
      throw new NoDataException("code", e.getMessage());
    }
    Period baseline = request.baseline();
    if (baseline == null) {
      baseline = newestMonth.get();
      if (baseline == null) {
        throw new InvalidTargetException(TargetField.BASELINE_PERIOD, "no coverage data is stored, so the baseline"
            + " cannot default to the newest month with data: give baseline_period");
      }
    }
    Target target = new Target(code, sector, period, request.target(), baseline, request.assignee(), request.note());
    Instant at = clock.instant();
    Target before = store.putTargets(List.of(target), null, (old, next) -> audit(at, by, old, next)).get(0);
    afterWrite.run();
    return new Stored(before, target);
  }

  /** Parses a target CSV and, when every row is good, stores it whole. A rejected file changes nothing. */
  public TargetImport importFile(String fileName, byte[] content, Principal by) {
    fileName = SafeFileName.of(fileName, "targets.csv");
    String scope = by.isAdmin() ? null : by.kecamatan();
    TargetImport result = TargetCsv.parse(content, places, newestMonth, scope);
    if (!result.accepted()) return result;
    Instant at = clock.instant();
    ImportRecord log = new ImportRecord(at, ImportRecord.TARGETS, by.name(), fileName, Cakupan.sha256(content),
        result.targets().size());
    store.putTargets(result.targets(), log, (old, next) -> audit(at, by, old, next));
    afterWrite.run();
    return result;
  }

  static AuditEntry audit(Instant at, Principal by, Target before, Target after) {
    return AuditEntry.of(at, by, AUDIT_ACTION, after.key(), json(before), json(after));
  }

  /** The target's fields as a JSON object, or null for none. */
  static String json(Target t) {
    if (t == null) return null;
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      TargetJson.writeFields(g, t);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
