package id.cakupan.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.Region;
import id.cakupan.coverage.KelurahanCode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityFieldsTest {
  static final LocalDate TODAY = LocalDate.parse("2026-11-15");
  static final Organisers ORGANISERS = Organisers.defaults(Gazetteer.builtIn());

  static Map<String, String> fields(String... kv) {
    Map<String, String> m = new HashMap<>(Map.of("type", "pembinaan", "status", "selesai", "date", "2026-11-15",
        "organiser", "BPJS KETENAGAKERJAAN  Cabang Jakarta Tanjung Priok", "code", "3172031004"));
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  static ActivityFields.Parsed parse(Map<String, String> f) {
    return ActivityFields.parse("a1", f, ORGANISERS, c -> c.kotaCode().equals("31.72"), TODAY);
  }

  @Test
  void aMinimalActivityIsCanonicalised() {
    ActivityFields.Parsed p = parse(fields("attendees", "0", "registrations", "0"));
    assertTrue(p.accepted(), p.errors().toString());
    Activity a = p.activity();
    assertEquals("BPJS Ketenagakerjaan Cabang Jakarta Tanjung Priok", a.organiser());
    assertEquals(KelurahanCode.parse("31.72.03.1004"), a.code());
    assertEquals(0, a.attendees());
    assertNull(a.lon());
    assertEquals("2026-11", a.month().toString());
  }

  @Test
  void edgesAreRefusedWithTheirField() {
    assertEquals(List.of("lat"), fieldsAtFault(parse(fields("lon", "106.9"))));
    assertEquals(List.of("date"), fieldsAtFault(parse(fields("date", "2026-11-16"))), "done tomorrow");
    assertTrue(parse(fields("date", "2026-11-16", "status", "rencana")).accepted(), "planned tomorrow");
    assertEquals(List.of("code"), fieldsAtFault(parse(fields("code", "31.71.01.1001"))), "outside the region");
    assertEquals(List.of("lat"), fieldsAtFault(parse(fields("lon", "106.9", "lat", "-91"))));
    assertEquals(List.of("note"), fieldsAtFault(parse(fields("note", "x".repeat(2001)))));
    assertEquals(List.of("note"), fieldsAtFault(parse(fields("note", "bell\u0007"))));
    assertEquals(List.of("registrations"), fieldsAtFault(parse(fields("registrations", "1e3"))));
    assertEquals(List.of("type"), fieldsAtFault(parse(fields("type", " "))), "required");
  }

  private static List<String> fieldsAtFault(ActivityFields.Parsed p) {
    assertFalse(p.accepted());
    return p.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void defaultOrganisersFollowTheRegion() {
    List<String> utara = ORGANISERS.names();
    assertTrue(utara.contains("Sudin KPKP Jakarta Utara") && utara.contains("Kecamatan Kelapa Gading")
        && utara.contains("Kelurahan Kalibaru"), utara.toString());
    assertEquals(5 + 6 + 31 + 2, utara.size());
    List<String> dki = Organisers.defaults(Region.DKI_JAKARTA.gazetteer()).names();
    assertTrue(dki.contains("Sudin Nakertransgi Jakarta Selatan") && dki.contains("Sudin Nakertransgi Kepulauan Seribu"),
        dki.subList(0, 12).toString());
    assertNull(ORGANISERS.match("Pak RT"));
  }

  @Test
  void csvFilesTakeQuotesSemicolonsAndIndonesianHeaders() {
    ActivityCsv.Parsed p = ActivityCsv.parse(("\uFEFFid;jenis;status;tanggal;penyelenggara;kode_wilayah;kelurahan;catatan\r\n"
        + ";bazar;selesai;2026-09-14;Kecamatan Koja;31.72.03.1001;Koja;\"dua\r\nbaris; \"\"kutip\"\"\"\r\n"
        + "\r\n"
        + "ab12;pelatihan;rencana;2026-12-01;Kecamatan Koja;31.72.03.1002;Tugu Utara;\r\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), p.errors());
    assertEquals(2, p.rows().size());
    assertEquals(2, p.rows().get(0).line());
    assertEquals("dua\r\nbaris; \"kutip\"", p.rows().get(0).fields().get("note"));
    assertEquals(5, p.rows().get(1).line(), "lines count the quoted line break and the blank line");
    assertEquals("ab12", p.rows().get(1).fields().get("id"));
    assertFalse(p.rows().get(1).fields().containsKey("kelurahan"), "derived columns are dropped");
    assertEquals("the file is not UTF-8 text",
        ActivityCsv.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 0}).errors().get(0).message());
  }
}
