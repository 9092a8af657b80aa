package id.cakupan.targeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerPlaces;
import id.cakupan.coverage.ImportError;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.PlaceResolver;
import id.cakupan.coverage.Sector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetCsvTest {
  static final PlaceResolver UTARA = new GazetteerPlaces(Gazetteer.builtIn());
  static final Period NEWEST = Period.of(2026, 10);

  private static TargetImport parse(String csv, String scope) {
    return TargetCsv.parse(csv.getBytes(StandardCharsets.UTF_8), UTARA, NEWEST, scope);
  }

  private static String report(TargetImport r) {
    StringBuilder sb = new StringBuilder();
    for (ImportError e : r.errors()) sb.append(e.line()).append(' ').append(e.column()).append(": ").append(e.message()).append('\n');
    return sb.toString();
  }

  @Test
  void readsEveryWayOfNamingThePlaceAndTheOptionalColumns() {
    TargetImport r = parse("""
        kode_wilayah;kode_bps;kelurahan;kecamatan;sektor;periode;target;periode_dasar;penanggung_jawab;catatan;extra
        31.72.03.1004;;;;BPU;2026-12;1500;2026-06;Pak Budi (Kasi Kesra);"door to door; pasar";x
        ;3175040003;;;informal;2027-03;900;;;;
        ;;Rawabadak Selatan;Koja;ALL;2026-12;12000;;;;
        """, null);
    assertTrue(r.accepted(), report(r));
    List<Target> t = r.targets();
    assertEquals(new Target(KelurahanCode.parse("31.72.03.1004"), Sector.BPU, Period.of(2026, 12), 1500,
        Period.of(2026, 6), "Pak Budi (Kasi Kesra)", "door to door; pasar"), t.get(0));
    assertEquals(KelurahanCode.parse("31.72.03.1002"), t.get(1).code(), "Tugu Utara by its BPS code");
    assertEquals(NEWEST, t.get(1).baseline(), "no periode_dasar: the newest month with data");
    assertNull(t.get(1).assignee());
    assertEquals(KelurahanCode.parse("31.72.03.1006"), t.get(2).code(), "a BPS spelling of the name");
    assertEquals(Sector.ALL, t.get(2).sector());
  }

  @Test
  void everyBadRowIsReportedAndNothingIsAccepted() {
    TargetImport r = parse("""
        kode_wilayah,sektor,periode,target,periode_dasar
        31.72.03.1004,BPU,2026-12,1500,
        31.72.09.1001,BPU,2026-12,10,
        31.72.03.1001,GIG,2026-13,1.500,
        31.72.03.1002,BPU,2026-12,-5,
        31.72.03.1003,BPU,2026-12,0,
        31.72.03.1005,BPU,2026-10,100,
        31.72.03.1006,BPU,2026-12,100,2026-12
        31.72.03.1004,BPU,2026-12,1600,
        """, null);
    assertFalse(r.accepted());
    assertEquals(List.of(), r.targets());
    String report = report(r);
    assertTrue(report.contains("3 kode_wilayah: unknown kelurahan code 31.72.09.1001"), report);
    assertTrue(report.contains("4 sektor: 'GIG' is not a sector"), report);
    assertTrue(report.contains("4 periode: '2026-13' is not a month"), report);
    assertTrue(report.contains("4 target: '1.500' is not a whole number"), report);
    assertTrue(report.contains("5 target: '-5' is negative"), report);
    assertTrue(report.contains("6 target: target 0 is no target"), report);
    assertTrue(report.contains("7 periode: the baseline month 2026-10 must come before the target month 2026-10"
        + " (no periode_dasar given: it defaults to the newest month with data, 2026-10)"), report);
    assertTrue(report.contains("8 periode_dasar: the baseline month 2026-12 must come before"), report);
    assertTrue(report.contains("9 null: duplicate of line 2: 31.72.03.1004, BPU, 2026-12"), report);
    assertEquals(9, r.errors().size(), report);
  }

  @Test
  void aCamatFileMayOnlyTouchItsKecamatan() {
    TargetImport r = parse("""
        kode_wilayah,sektor,periode,target
        31.72.03.1004,BPU,2026-12,1500
        31.72.01.1005,BPU,2026-12,700
        """, "31.72.03");
    assertFalse(r.accepted());
    assertEquals(1, r.errors().size(), report(r));
    ImportError e = r.errors().get(0);
    assertEquals(3, e.line());
    assertEquals("kode_wilayah", e.column());
    assertEquals("31.72.01.1005 is in kecamatan 31.72.01: this token may set targets only in kecamatan 31.72.03",
        e.message());
    assertTrue(parse("kode_wilayah,sektor,periode,target\n31.72.03.1004,BPU,2026-12,1500\n", "31.72.03").accepted());
  }

  @Test
  void withoutCoverageEveryRowNeedsABaseline() {
    TargetImport r = TargetCsv.parse("kode_wilayah,sektor,periode,target\n31.72.03.1004,BPU,2026-12,1500\n"
        .getBytes(StandardCharsets.UTF_8), UTARA, (Period) null, null);
    assertEquals("2 periode_dasar: periode_dasar is required while no coverage data is stored (it defaults to the"
        + " newest month with data)\n", report(r));
  }

  @Test
  void headerProblemsAndNonTextAreOneError() {
    assertEquals("1 null: missing required columns: target, a place (kode_wilayah, kode_bps, or kelurahan with"
        + " kecamatan); a target file has kode_wilayah, kode_bps, kelurahan, kecamatan (a place), sektor, periode,"
        + " target and optionally periode_dasar, penanggung_jawab, catatan\n",
        report(parse("kelurahan,sektor,periode\nKoja,BPU,2026-12\n", null)));
    assertEquals("2 null: no data rows: the file has only a header\n",
        report(parse("\nkode_wilayah,sektor,periode,target\n", null)));
    assertTrue(report(TargetCsv.parse(new byte[] {'P', 'K', 3, 4, 0}, UTARA, NEWEST, null))
        .contains("zip archive"));
    assertEquals("1 null: file is empty\n", report(parse("", null)));
  }
}
