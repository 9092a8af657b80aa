package id.cakupan.coverage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerPlaces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoverageCsvTest {
  static final PlaceResolver UTARA = new GazetteerPlaces(Gazetteer.builtIn());

  static final Period OCT = Period.of(2026, 10);
  static final Period SEP = Period.of(2026, 9);

  /** What every spelling of the good file below must give, in file order. */
  static final List<CoverageRecord> EXPECTED = List.of(
      new CoverageRecord(KelurahanCode.parse("31.72.03.1004"), OCT, Sector.PU, 1200, 1500L),
      new CoverageRecord(KelurahanCode.parse("31.72.02.1001"), OCT, Sector.BPU, 300, null),
      new CoverageRecord(KelurahanCode.parse("31.72.04.1004"), OCT, Sector.JAKON, 45, 60L),
      new CoverageRecord(KelurahanCode.parse("31.72.04.1002"), SEP, Sector.PU, 0, 0L),
      new CoverageRecord(KelurahanCode.parse("31.72.06.1001"), SEP, Sector.BPU, 17, 250L));

  static final String DOTTED = """
      kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja
      31.72.03.1004,2026-10,PU,1200,1500
      31.72.02.1001,2026-10,BPU,300,
      31.72.04.1004,2026-10,JAKON,45,60
      31.72.04.1002,2026-09,PU,0,0
      31.72.06.1001,2026-09,BPU,17,250
      """;

  static Stream<Arguments> sameDataWrittenDifferently() {
    return Stream.of(
        Arguments.of("dotted Kemendagri codes", DOTTED.getBytes(UTF_8)),
        Arguments.of("undotted Kemendagri codes", utf8("""
            kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja
            3172031004,2026-10,PU,1200,1500
            3172021001,2026-10,BPU,300,
            3172041004,2026-10,JAKON,45,60
            3172041002,2026-09,PU,0,0
            3172061001,2026-09,BPU,17,250
            """)),
        Arguments.of("BPS codes", utf8("""
            kode_bps,periode,sektor,peserta_aktif,tenaga_kerja
            3175040005,2026-10,PU,1200,1500
            3175030007,2026-10,BPU,300,
            3175060007,2026-10,JAKON,45,60
            3175060001,2026-09,PU,0,0
            3175050002,2026-09,BPU,17,250
            """)),
        Arguments.of("names in BPS and other spellings", utf8("""
            kecamatan,kelurahan,periode,sektor,peserta_aktif,tenaga_kerja
            Koja,Rawabadak Utara,2026-10,PU,1200,1500
            Tanjung Priok,Tanjung Priuk,2026-10,BPU,300,
            CILINCING,KALI BARU,2026-10,JAKON,45,60
            cilincing,Suka Pura,2026-09,PU,0,0
            Kelapa  Gading,kelapa gading timur,2026-09,BPU,17,250
            """)),
        Arguments.of("both codes, agreeing", utf8("""
            kode_wilayah,kode_bps,periode,sektor,peserta_aktif,tenaga_kerja
            31.72.03.1004,3175040005,2026-10,PU,1200,1500
            31.72.02.1001,3175030007,2026-10,BPU,300,
            31.72.04.1004,,2026-10,JAKON,45,60
            ,3175060001,2026-09,PU,0,0
            3172061001,3175050002,2026-09,BPU,17,250
            """)),
        Arguments.of("first non-empty place column per row", utf8("""
            kode_wilayah,kode_bps,kecamatan,kelurahan,periode,sektor,peserta_aktif,tenaga_kerja
            31.72.03.1004,,,,2026-10,PU,1200,1500
            ,3175030007,,,2026-10,BPU,300,
            ,,Cilincing,Kali Baru,2026-10,JAKON,45,60
            31.72.04.1002,,Cilincing,Sukapura,2026-09,PU,0,0
            ,,Kelapa Gading,Kelapa Gading Timur,2026-09,BPU,17,250
            """)),
        Arguments.of("semicolon delimiter", utf8(DOTTED.replace(',', ';'))),
        Arguments.of("UTF-8 BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(DOTTED))),
        Arguments.of("CRLF line endings", utf8(DOTTED.replace("\n", "\r\n"))),
        Arguments.of("BOM, semicolons and CRLF as Excel writes them", concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(DOTTED.replace(',', ';').replace("\n", "\r\n")))),
        Arguments.of("no newline after the last row", utf8(DOTTED.strip())),
        Arguments.of("quoted fields with commas and escaped quotes", utf8("""
            "kode_wilayah","catatan","periode","sektor","peserta_aktif","tenaga_kerja"
            "31.72.03.1004","RW 01, RW 02","2026-10","PU","1200","1500"
            "31.72.02.1001","kata ""pelabuhan""\","2026-10","BPU","300",""
            31.72.04.1004,"two
            lines","2026-10",JAKON,45,60
            "31.72.04.1002" , "",2026-09,PU, "0" ,0
            31.72.06.1001,,2026-09,BPU,17,250
            """)),
        Arguments.of("quoted names with commas in a comma file", utf8("""
            kecamatan,kelurahan,periode,sektor,peserta_aktif,tenaga_kerja,keterangan
            "Koja","Rawa Badak Utara",2026-10,PU,1200,1500,"Koja, Jakarta Utara"
            Tanjung Priok,Tanjung Priok,2026-10,BPU,300,,
            Cilincing,Kalibaru,2026-10,JAKON,45,60,"a ""quoted"" note, with comma"
            Cilincing,Sukapura,2026-09,PU,0,0,
            Kelapa Gading,Kelapa Gading Timur,2026-09,BPU,17,250,
            """)),
        Arguments.of("extra columns anywhere, columns reordered", utf8("""
            no,tenaga_kerja,sumber,peserta_aktif,sektor,periode,kode_wilayah,
            1,1500,kanwil,1200,PU,2026-10,31.72.03.1004,
            2,,kanwil,300,BPU,2026-10,31.72.02.1001,
            3,60,,45,JAKON,2026-10,31.72.04.1004,
            4,0,kanwil,0,PU,2026-09,31.72.04.1002,
            5,250,kanwil,17,BPU,2026-09,31.72.06.1001,
            """)),
        Arguments.of("upper-case, padded headers", utf8(DOTTED.replace(
            "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja",
            " KODE_WILAYAH , Periode,SEKTOR,Peserta_Aktif ,TENAGA_KERJA")))
        ,
        Arguments.of("blank lines and delimiter-only lines", utf8("""

            kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja
            31.72.03.1004,2026-10,PU,1200,1500

            31.72.02.1001,2026-10,BPU,300,
            ,,,,
               \t
            31.72.04.1004,2026-10,JAKON,45,60
            31.72.04.1002,2026-09,PU,0,0
            31.72.06.1001,2026-09,BPU,17,250


            """)),
        Arguments.of("sector aliases and padded numbers", utf8("""
            kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja
            31.72.03.1004,2026-10,Penerima Upah, 1200 ,\t1500
            31.72.02.1001,2026-10,informal,300,
            31.72.04.1004,2026-10,jasa  konstruksi,0045,60
            31.72.04.1002,2026-09,formal,0,0
            31.72.06.1001,2026-09,bukan penerima upah,17,250
            """)),
        Arguments.of("DOS end-of-file mark", concat(utf8(DOTTED), new byte[] {0x1A})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void sameDataWrittenDifferently(String variant, byte[] content) {
    CoverageImport result = CoverageCsv.parse(content, UTARA);
    assertEquals(List.of(), result.errors(), variant);
    assertEquals(EXPECTED, result.records(), variant);
    assertTrue(result.accepted());
  }

  @Test
  void emptyTenagaKerjaAndAMissingColumnMeanUnknownWorkforce() {
    CoverageImport result = parse("""
        kode_wilayah,periode,sektor,peserta_aktif
        31.72.03.1004,2026-10,PU,1200
        """);
    assertEquals(List.of(new CoverageRecord(KelurahanCode.parse("31.72.03.1004"), OCT, Sector.PU, 1200, null)),
        result.records());
    assertNull(parse(DOTTED).records().get(1).workforce());
  }

  @Test
  void everySectorAliasIsAccepted() {
    String[][] aliases = {
      {"PU", "PU"}, {"pu", "PU"}, {"formal", "PU"}, {"Penerima Upah", "PU"},
      {"BPU", "BPU"}, {"Informal", "BPU"}, {"BUKAN PENERIMA UPAH", "BPU"},
      {"JAKON", "JAKON"}, {"jakon", "JAKON"}, {"Jasa Konstruksi", "JAKON"}};
    StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif\n");
    for (int i = 0; i < aliases.length; i++) {
      csv.append("31.72.03.1004,").append(Period.of(2020, 1).minusMonths(-i)).append(',')
          .append(aliases[i][0]).append(",1\n");
    }
    CoverageImport result = parse(csv.toString());
    assertEquals(List.of(), result.errors());
    for (int i = 0; i < aliases.length; i++) {
      assertEquals(Sector.valueOf(aliases[i][1]), result.records().get(i).sector(), aliases[i][0]);
    }
  }

  @Test
  void largestCountsStillFit() {
    CoverageImport result = parse("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n"
        + "31.72.03.1004,2026-10,PU," + Long.MAX_VALUE + ",0\n");
    assertEquals(Long.MAX_VALUE, result.records().get(0).participants());
  }

  @Test
  void theHeaderPicksTheDelimiterThatGivesOurColumnsWhenItHasBoth() {
    CoverageImport result = parse("""
        kode_wilayah;periode;sektor;peserta_aktif;"catatan, bebas"
        31.72.03.1004;2026-10;PU;1200;ada, koma
        """);
    assertEquals(List.of(), result.errors());
    assertEquals(1200, result.records().get(0).participants());

    result = parse("""
        kode_wilayah,periode,sektor,peserta_aktif,catatan;bebas
        31.72.03.1004,2026-10,PU,1200,a;b
        """);
    assertEquals(List.of(), result.errors());
  }

  @Test
  void allOfDkiJakartaWithTheSharedGazetteer() throws IOException {
    Path file = Path.of(System.getProperty("cakupan.sharedGeodata", "../shared/geodata"))
        .resolve("dki-jakarta-gazetteer.csv");
    PlaceResolver dki = new GazetteerPlaces(Gazetteer.read(file));
    // BPS 3172… is Jakarta Timur while Kemendagri 31.72 is Jakarta Utara: no arithmetic converts them.
    String csv = """
        kode_wilayah,kode_bps,kecamatan,kelurahan,periode,sektor,peserta_aktif,tenaga_kerja
        3172031004,,,,2026-10,PU,10,20
        ,3172030004,,,2026-10,PU,11,
        31.74.01.1001,3171090003,,,2026-10,BPU,12,40
        ,,Setiabudi,Setia Budi,2026-10,JAKON,13,14
        ,,Cipayung,Pondok Ranggon,2026-10,JAKON,15,
        """;
    CoverageImport result = CoverageCsv.parse(utf8(csv), dki);
    assertEquals(List.of(), result.errors());
    assertEquals(List.of("31.72.03.1004", "31.75.10.1001", "31.74.01.1001", "31.74.02.1001", "31.75.10.1003"),
        result.records().stream().map(r -> r.code().value()).toList());

    // The Jakarta Utara gazetteer knows none of the other cities.
    assertErrors(CoverageCsv.parse(utf8(csv), UTARA),
        "3:kode_bps", "4:kode_wilayah", "4:kode_bps", "5:kelurahan", "6:kelurahan");
  }

  // ---- bad files ----

  static final String HEADER =
      "kode_wilayah,kode_bps,kecamatan,kelurahan,periode,sektor,peserta_aktif,tenaga_kerja\n";
  static final String GOOD_ROW = "31.72.01.1001,,,,2026-09,JAKON,1200,1500\n";

  static Stream<Arguments> oneBadRow() {
    return Stream.of(
        // place, each of the three ways
        Arguments.of("31.72.09.1001,,,,2026-10,PU,1,2", "kode_wilayah", "unknown kelurahan code 31.72.09.1001"),
        Arguments.of("3172091001,,,,2026-10,PU,1,2", "kode_wilayah", "unknown kelurahan code 31.72.09.1001"),
        Arguments.of("31.72.3.1004,,,,2026-10,PU,1,2", "kode_wilayah",
            "'31.72.3.1004' is not a Kemendagri kelurahan code"),
        Arguments.of("3175040005,,,,2026-10,PU,1,2", "kode_wilayah",
            "3175040005 is the BPS code of 31.72.03.1004: BPS codes go in kode_bps"),
        Arguments.of(",3175040099,,,2026-10,PU,1,2", "kode_bps", "unknown BPS code 3175040099"),
        Arguments.of(",317504005,,,2026-10,PU,1,2", "kode_bps", "'317504005' is not a BPS code: expected 10 digits"),
        Arguments.of(",31.72.03.1004,,,2026-10,PU,1,2", "kode_bps", "a Kemendagri code: it goes in kode_wilayah"),
        Arguments.of(",,Koja,Rawa Badak Tengah,2026-10,PU,1,2", "kelurahan",
            "unknown kelurahan 'Rawa Badak Tengah' in kecamatan Koja"),
        Arguments.of(",,Kojah,Lagoa,2026-10,PU,1,2", "kelurahan", "unknown kecamatan 'Kojah'"),
        Arguments.of(",,,Lagoa,2026-10,PU,1,2", "kecamatan", "empty: kecamatan is needed to find kelurahan 'Lagoa'"),
        Arguments.of(",,Koja,,2026-10,PU,1,2", "kelurahan", "empty: kelurahan is required"),
        Arguments.of(",,,,2026-10,PU,1,2", "kode_wilayah",
            "the row names no place: fill kode_wilayah or kode_bps or kelurahan with kecamatan"),
        Arguments.of("31.72.03.1004,3175040001,,,2026-10,PU,1,2", "kode_bps",
            "kode_bps 3175040001 is kelurahan 31.72.03.1006, but kode_wilayah says 31.72.03.1004"),
        // month
        Arguments.of("31.72.03.1004,,,,2026-13,PU,1,2", "periode", "'2026-13' is not a month: expected YYYY-MM"),
        Arguments.of("31.72.03.1004,,,,2026/10,PU,1,2", "periode", "'2026/10' is not a month"),
        Arguments.of("31.72.03.1004,,,,Okt 2026,PU,1,2", "periode", "'Okt 2026' is not a month"),
        Arguments.of("31.72.03.1004,,,,2026-1,PU,1,2", "periode", "'2026-1' is not a month"),
        Arguments.of("31.72.03.1004,,,,,PU,1,2", "periode", "empty: periode is required"),
        // sector
        Arguments.of("31.72.03.1004,,,,2026-10,Nelayan,1,2", "sektor",
            "'Nelayan' is not a sector: expected PU, BPU or JAKON"),
        Arguments.of("31.72.03.1004,,,,2026-10,ALL,1,2", "sektor", "sector ALL is derived"),
        Arguments.of("31.72.03.1004,,,,2026-10,all,1,2", "sektor", "sector ALL is derived"),
        Arguments.of("31.72.03.1004,,,,2026-10,,1,2", "sektor", "empty: sektor is required"),
        // counts
        Arguments.of("31.72.03.1004,,,,2026-10,PU,-5,2", "peserta_aktif",
            "'-5' is negative: expected a whole number, 0 or more"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,12.5,20", "peserta_aktif",
            "'12.5' is not a whole number: a count has no decimals"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,1.234,2000", "peserta_aktif",
            "'1.234' is not a whole number: write digits only, without thousands separators"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,\"1,234\",2000", "peserta_aktif",
            "'1,234' is not a whole number: write digits only, without thousands separators"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,1 234,2000", "peserta_aktif", "without thousands separators"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,1.234.567,2000", "peserta_aktif", "without thousands separators"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,1.2E+05,2000", "peserta_aktif", "scientific notation"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,+5,2000", "peserta_aktif", "without a sign"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,lima,2000", "peserta_aktif", "'lima' is not a whole number"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,99999999999999999999,2000", "peserta_aktif",
            "'99999999999999999999' is too large"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,,2000", "peserta_aktif", "empty: peserta_aktif is required"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,5,-1", "tenaga_kerja", "'-1' is negative"),
        Arguments.of("31.72.03.1004,,,,2026-10,PU,5,\"12,5\"", "tenaga_kerja", "a count has no decimals"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource
  void oneBadRow(String row, String column, String message) {
    // A good row first: the file is rejected whole, so none of it is kept.
    CoverageImport result = parse(HEADER + GOOD_ROW + row + "\n");
    assertErrors(result, "3:" + column);
    assertContains(message, result.errors().get(0).message());
  }

  @Test
  void numbersInASemicolonFileAreOneCellEachAndStillRefused() {
    CoverageImport result = parse("""
        kode_wilayah;periode;sektor;peserta_aktif;tenaga_kerja
        31.72.03.1004;2026-10;PU;1,234;2000
        31.72.03.1004;2026-10;BPU;12,5;20
        31.72.03.1004;2026-10;JAKON;1.234,5;2000
        """);
    assertErrors(result, "2:peserta_aktif", "3:peserta_aktif", "4:peserta_aktif");
    assertEquals("'1,234' is not a whole number: write digits only, without thousands separators",
        result.errors().get(0).message());
    assertContains("'12,5' is not a whole number: a count has no decimals", result.errors().get(1).message());
    assertContains("without thousands separators or decimals", result.errors().get(2).message());
  }

  @Test
  void everyBadRowAndEveryBadCellIsReportedWithItsPhysicalLine() {
    CoverageImport result = parse(HEADER
        + GOOD_ROW                                             // 2
        + "31.72.09.1001,,,,2026-13,ALL,-1,1.5\n"              // 3: five bad cells
        + "\n"                                                 // 4: blank, still counted
        + "31.72.03.1003,,,,2026-10,PU,10,20\n"                // 5
        + "31.72.03.1003,,,,Okt 2026,PU,1.234,\n"              // 6
        + "31.72.03.1002,,,,2026-10,JAKON,\"10\",\"tiga\"\n"   // 7
        + "31.72.03.1004,,,,2026-10\n");                       // 8: short row
    assertErrors(result,
        "3:kode_wilayah", "3:periode", "3:sektor", "3:peserta_aktif", "3:tenaga_kerja",
        "6:periode", "6:peserta_aktif",
        "7:tenaga_kerja",
        "8:sektor", "8:peserta_aktif");
    assertContains("missing: the row has 5 values but the header has 8 columns",
        result.errors().get(8).message());
  }

  @Test
  void theSamePlaceMonthAndSectorTwiceIsADuplicateWhateverTheSpelling() {
    CoverageImport result = parse(HEADER
        + "31.72.03.1004,,,,2026-10,PU,1,2\n"           // 2
        + ",3175040005,,,2026-10,PU,1,2\n"              // 3: same kelurahan by BPS code
        + "3172031004,,,,2026-10,formal,1,2\n"          // 4: undotted, sector alias
        + ",,KOJA,Rawabadak Utara,2026-10,pu,1,2\n"     // 5: by name
        + "31.72.03.1004,,,,2026-10,BPU,1,2\n"          // 6: other sector
        + "31.72.03.1004,,,,2026-11,PU,1,2\n"           // 7: other month
        + "31.72.03.1003,,,,2026-10,PU,1,2\n"           // 8: other kelurahan
        + "31.72.03.1004,,,,2026-11,PU,-1,2\n");        // 9: bad and a duplicate of 7
    assertErrors(result, "3:null", "4:null", "5:null", "9:peserta_aktif", "9:null");
    assertEquals("duplicate of line 2: 31.72.03.1004, 2026-10, PU is already given there",
        result.errors().get(0).message());
    assertContains("duplicate of line 7", result.errors().get(4).message());
  }

  @Test
  void missingRequiredColumnsAreOneErrorOnTheHeaderAndNoRowErrors() {
    CoverageImport result = parse("""
        kode_wilayah,periode,jumlah
        31.72.09.1001,2026-13,x
        """);
    assertErrors(result, "1:null");
    assertEquals("missing required columns: sektor, peserta_aktif; the header has 'kode_wilayah', 'periode', "
        + "'jumlah'", result.errors().get(0).message());

    result = parse("kelurahan,periode,sektor,peserta_aktif\nLagoa,2026-10,PU,1\n");
    assertErrors(result, "1:null");
    assertContains("missing required column: kecamatan (to go with kelurahan", result.errors().get(0).message());

    result = parse("wilayah,periode,sektor,peserta_aktif\n31.72.03.1004,2026-10,PU,1\n");
    assertErrors(result, "1:null");
    assertEquals("missing required column: a place (kode_wilayah, kode_bps, or kelurahan with kecamatan); the header has "
        + "'wilayah', 'periode', 'sektor', 'peserta_aktif'", result.errors().get(0).message());

    result = parse("periode;sektor\n2026-10;PU\n");
    assertErrors(result, "1:null");
    assertContains("missing required columns: peserta_aktif and a place (", result.errors().get(0).message());

    result = parse("kode_wilayah\tperiode\tsektor\tpeserta_aktif\n31.72.03.1004\t2026-10\tPU\t1\n");
    assertErrors(result, "1:null");
    assertContains("no ',' or ';' delimiter", result.errors().get(0).message());

    result = parse("kode_wilayah,periode,sektor,peserta_aktif,Periode\n31.72.03.1004,2026-10,PU,1,2026-10\n");
    assertErrors(result, "1:periode");
    assertContains("column 'periode' appears twice", result.errors().get(0).message());
  }

  @Test
  void emptyFiles() {
    for (byte[] empty : List.of(new byte[0], new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("\n \r\n\n"))) {
      CoverageImport result = CoverageCsv.parse(empty, UTARA);
      assertErrors(result, "1:null");
      assertEquals("file is empty", result.errors().get(0).message());
    }
  }

  @Test
  void headerOnly() {
    for (String csv : List.of("kode_wilayah,periode,sektor,peserta_aktif", "kode_wilayah,periode,sektor,peserta_aktif\r\n\r\n,,,\r\n")) {
      CoverageImport result = parse(csv);
      assertErrors(result, "1:null");
      assertContains("no data rows", result.errors().get(0).message());
    }
  }

  static Stream<Arguments> notText() {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    random[100] = 0;
    byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}, utf8("IHDR"));
    byte[] latin1 = (DOTTED + "31.72.04.1004,2026-11,JAKON,1,2,Kali Barù\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] nulInText = utf8(DOTTED.replace("1500", "15\u000000"));
    byte[] controls = new byte[2000];
    for (int i = 0; i < controls.length; i++) controls[i] = (byte) (1 + i % 8);
    return Stream.of(
        Arguments.of("random bytes with NULs", random, "is not valid UTF-8"),
        Arguments.of("PNG image", png, "PNG image"),
        Arguments.of("Excel workbook", concat(new byte[] {'P', 'K', 3, 4}, new byte[100]), "Excel workbook"),
        Arguments.of("UTF-16", DOTTED.getBytes(StandardCharsets.UTF_16), "UTF-16"),
        Arguments.of("Latin-1 text", latin1, "byte 0xF9 on line 7 is not valid UTF-8"),
        Arguments.of("a NUL inside otherwise good text", nulInText, "NUL"),
        Arguments.of("control characters only", controls, "control characters"),
        Arguments.of("overlong UTF-8", concat(utf8(DOTTED), new byte[] {(byte) 0xC0, (byte) 0xAF}), "UTF-8"),
        Arguments.of("truncated UTF-8", concat(utf8(DOTTED), new byte[] {(byte) 0xE2, (byte) 0x82}), "UTF-8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void notText(String what, byte[] content, String reason) {
    CoverageImport result = CoverageCsv.parse(content, UTARA);
    assertErrors(result, "1:null");
    assertContains("the file is not a UTF-8 CSV text file", result.errors().get(0).message());
    assertContains(reason, result.errors().get(0).message());
  }

  @Test
  void utf8NamesAreFine() {
    CoverageImport result = parse("""
        kode_wilayah,periode,sektor,peserta_aktif,catatan
        31.72.03.1004,2026-10,PU,1,Kali Barù — “ok” 🙂
        """);
    assertEquals(List.of(), result.errors());
  }

  @Test
  void aQuoteNeverClosedIsReportedWhereItOpened() {
    CoverageImport result = parse("""
        kode_wilayah,periode,sektor,peserta_aktif,catatan
        31.72.03.1004,2026-10,PU,1,ok
        31.72.03.1003,2026-10,PU,1,"lupa tutup
        31.72.03.1002,2026-10,PU,1,ok
        """);
    assertErrors(result, "3:null");
    assertContains("a quote opened on line 3 is never closed", result.errors().get(0).message());
  }

  @Test
  void lineNumbersCountLinesInsideQuotedFields() {
    CoverageImport result = parse("""
        kode_wilayah,periode,sektor,peserta_aktif,catatan
        31.72.03.1004,2026-10,PU,1,"satu
        dua
        tiga"
        31.72.03.1003,2026-10,PU,x,ok
        """);
    assertErrors(result, "5:peserta_aktif");
  }

  @Test
  void theReportStopsAtAThousandErrorsButCountsEveryBadRow() {
    StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif\n");
    for (int i = 0; i < 1500; i++) csv.append("31.72.03.1004,").append(Period.of(2000, 1).minusMonths(-i)).append(",PU,-").append(i).append('\n');
    CoverageImport result = parse(csv.toString());
    assertEquals(1001, result.errors().size());
    assertTrue(result.records().isEmpty());
    for (int i = 0; i < 1000; i++) {
      assertEquals(new ImportError(i + 2, "peserta_aktif", "'-" + i + "' is negative: expected a whole number, 0 or more"),
          result.errors().get(i));
    }
    ImportError summary = result.errors().get(1000);
    assertEquals(1002, summary.line());
    assertNull(summary.column());
    assertEquals("500 more errors on 500 more rows, from line 1002 on, not listed: the report stops at 1000 errors "
        + "(1500 bad rows in all)", summary.message());

    // Rows with two errors each: the cap counts errors, the summary counts the rest of both.
    csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif\n");
    for (int i = 0; i < 600; i++) csv.append("31.72.03.1004,2026-13,PU,-1\n"); // bad months: no duplicates
    result = parse(csv.toString());
    assertEquals(1001, result.errors().size());
    assertEquals(new ImportError(501, "peserta_aktif", "'-1' is negative: expected a whole number, 0 or more"),
        result.errors().get(999));
    assertContains("200 more errors on 100 more rows, from line 502 on", result.errors().get(1000).message());
    assertContains("(600 bad rows in all)", result.errors().get(1000).message());
  }

  @Test
  void aLargeFileIsReadInOnePiece() {
    // 31 kelurahan x 3 sectors x 1100 months: about 100k rows of realistic width.
    List<KelurahanCode> codes = Gazetteer.builtIn().entries().stream().map(e -> e.code()).toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("kode_wilayah;periode;sektor;peserta_aktif;tenaga_kerja\r\n"));
    int rows = 0;
    Period month = Period.of(1950, 1);
    for (int m = 0; m < 1100; m++, month = month.minusMonths(-1)) {
      for (KelurahanCode code : codes) {
        for (Sector sector : Sector.IMPORTED) {
          out.writeBytes(utf8(code + ";" + month + ";" + sector + ";" + (rows % 5000) + ";" + (rows % 7000 + 5000)
              + "\r\n"));
          rows++;
        }
      }
    }
    CoverageImport result = CoverageCsv.parse(out.toByteArray(), UTARA);
    assertEquals(List.of(), result.errors());
    assertEquals(rows, result.records().size());
    assertEquals(new CoverageRecord(codes.get(0), Period.of(1950, 1), Sector.BPU, 1, 5001L), result.records().get(1));
  }

  // ---- helpers ----

  static CoverageImport parse(String csv) {
    return CoverageCsv.parse(utf8(csv), UTARA);
  }

  static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The exact (line, column) of every error, in order, and that nothing was accepted. */
  static void assertErrors(CoverageImport result, String... expected) {
    List<String> actual = result.errors().stream().map(e -> e.line() + ":" + e.column()).collect(Collectors.toList());
    assertEquals(List.of(expected), actual, () -> result.errors().stream().map(ImportError::toString)
        .collect(Collectors.joining("\n")));
    assertTrue(result.records().isEmpty(), "a rejected file keeps no records");
    assertFalse(result.accepted());
  }

  static void assertContains(String expected, String actual) {
    assertTrue(actual != null && actual.contains(expected), () -> "expected '" + expected + "' in: " + actual);
  }
}
