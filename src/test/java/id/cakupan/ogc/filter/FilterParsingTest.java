package id.cakupan.ogc.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.ogc.filter.Queryable.Type;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** CQL2-text and CQL2-JSON to one tree, checked against queryables and run over hand-made features. */
class FilterParsingTest {
  static final Queryables QUERYABLES = new Queryables(List.of(
      Queryable.of("code", Type.STRING, "Code"),
      Queryable.of("name", Type.STRING, "Name"),
      Queryable.of("kecamatan_code", Type.STRING, "Kecamatan code"),
      Queryable.of("participants", Type.INTEGER, "Participants"),
      Queryable.of("coverage_rate", Type.NUMBER, "Coverage rate"),
      Queryable.of("period_start", Type.DATE, "Start"),
      Queryable.of("geometry", Type.GEOMETRY, "Geometry")));
  static final GeometryFactory GF = new GeometryFactory();

  static Map<String, Object> koja = feature("31.72.03.1001", "Koja", 120L, 0.5, 106.899, -6.106);
  static Map<String, Object> rawa = feature("31.72.03.1004", "Rawa Badak Utara", null, null, 106.898, -6.123);
  static Map<String, Object> pluit = feature("31.72.01.1005", "Pluit", 900L, 0.9, 106.791, -6.110);

  static Map<String, Object> feature(String code, String name, Long participants, Double rate, double lon, double lat) {
    Map<String, Object> m = new HashMap<>();
    m.put("code", code);
    m.put("name", name);
    m.put("kecamatan_code", code.substring(0, 8));
    m.put("participants", participants);
    m.put("coverage_rate", rate);
    m.put("period_start", LocalDate.of(2026, 10, 1));
    m.put("geometry", GF.createPoint(new Coordinate(lon, lat)));
    return m;
  }

  static boolean text(String filter, Map<String, Object> f) {
    return new FilterEvaluator(Filter.parse(filter, Filter.Lang.CQL2_TEXT, QUERYABLES)).matches(f::get);
  }

  static boolean json(String filter, Map<String, Object> f) {
    return new FilterEvaluator(Filter.parse(filter, Filter.Lang.CQL2_JSON, QUERYABLES)).matches(f::get);
  }

  static FilterException textError(String filter) {
    return assertThrows(FilterException.class, () -> Filter.parse(filter, Filter.Lang.CQL2_TEXT, QUERYABLES));
  }

  static FilterException jsonError(String filter) {
    return assertThrows(FilterException.class, () -> Filter.parse(filter, Filter.Lang.CQL2_JSON, QUERYABLES));
  }

  @Test
  void comparisonsAndBooleanLogic() {
    assertTrue(text("kecamatan_code = '31.72.03'", koja));
    assertFalse(text("kecamatan_code = '31.72.03'", pluit));
    assertTrue(text("participants > 100 AND participants <= 120", koja));
    assertTrue(text("participants <> 5 and not (name = 'Pluit')", koja));
    assertTrue(text("name = 'Pluit' OR coverage_rate >= 0.5", koja));
    assertTrue(text("\"name\" = 'Koja'", koja));
    assertTrue(text("coverage_rate < 1e0", koja));
    assertTrue(text("participants > -1.5", koja));
    assertTrue(text("TRUE", koja));
    assertFalse(text("(false)", koja));
    assertTrue(text("period_start = DATE('2026-10-01')", koja));
    assertTrue(text("period_start BETWEEN date('2026-01-01') AND DATE('2026-12-31')", koja));
  }

  @Test
  void nullsAreUnknownAsInSql() {
    assertFalse(text("participants > 0", rawa));
    assertFalse(text("NOT (participants > 0)", rawa));
    assertTrue(text("participants IS NULL", rawa));
    assertFalse(text("participants IS NOT NULL", rawa));
    assertTrue(text("participants > 0 OR name = 'Rawa Badak Utara'", rawa));
    assertFalse(text("participants NOT IN (1, 2)", rawa));
  }

  @Test
  void likeInAndBetween() {
    assertTrue(text("name LIKE 'Rawa%'", rawa));
    assertTrue(text("name LIKE 'K_ja'", koja));
    assertFalse(text("name LIKE 'k%'", koja), "case-sensitive");
    assertTrue(text("name NOT LIKE 'Rawa%'", koja));
    assertTrue(text("name LIKE '%%%a%%%'", koja));
    assertTrue(text("name like 'Pl\\%%' or name = 'Koja'", koja));
    assertFalse(text("name LIKE 'Pl\\%%'", pluit), "an escaped % is a literal %");
    assertTrue(text("code IN ('31.72.03.1001', '31.72.03.1002')", koja));
    assertFalse(text("code NOT IN ('31.72.03.1001')", koja));
    assertTrue(text("participants BETWEEN 100 AND 200", koja));
    assertFalse(text("participants NOT BETWEEN 100 AND 200", koja));
  }

  @Test
  void caseiIgnoresTheCaseOfAsciiLetters() {
    assertTrue(text("CASEI(name) = CASEI('KOJA')", koja));
    assertTrue(text("casei(name) LIKE casei('rAWA%')", rawa));
    assertTrue(text("CASEI(name) IN ('koja', 'pluit')", pluit));
    assertFalse(text("CASEI(name) = 'Koja'", koja), "only the folded side is folded");
    assertTrue(json("{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},"
        + "{\"op\":\"casei\",\"args\":[\"KoJa\"]}]}", koja));
    assertTrue(json("{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},"
        + "{\"op\":\"casei\",\"args\":[\"RAWA%\"]}]}", rawa));
    assertTrue(textError("CASEI(participants) = 'x'").getMessage().contains("CASEI takes a string"));
  }

  @Test
  void spatialIntersectsWithBboxAndWkt() {
    assertTrue(text("S_INTERSECTS(geometry, BBOX(106.89, -6.11, 106.91, -6.10))", koja));
    assertFalse(text("S_INTERSECTS(geometry, BBOX(106.89, -6.11, 106.91, -6.10))", pluit));
    assertTrue(text("s_intersects(geometry, POLYGON((106.7 -6.2, 106.8 -6.2, 106.8 -6.0, 106.7 -6.0, 106.7 -6.2)))", pluit));
    assertTrue(text("S_INTERSECTS(geometry, MULTIPOLYGON(((106.7 -6.2, 106.8 -6.2, 106.8 -6.0, 106.7 -6.2)),"
        + "((106.89 -6.2, 106.95 -6.2, 106.95 -6.0, 106.89 -6.0, 106.89 -6.2)))) AND name = 'Koja'", koja));
    assertTrue(text("S_INTERSECTS(POINT(106.899 -6.106), geometry)", koja));
  }

  @Test
  void cql2JsonReadsToTheSameAnswers() {
    assertTrue(json("{\"op\":\"=\",\"args\":[{\"property\":\"kecamatan_code\"},\"31.72.03\"]}", koja));
    assertFalse(json("{\"op\":\"=\",\"args\":[{\"property\":\"kecamatan_code\"},\"31.72.03\"]}", pluit));
    assertTrue(json("{\"op\":\"and\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"K%\"]},"
        + "{\"op\":\"between\",\"args\":[{\"property\":\"participants\"},100,200]}]}", koja));
    assertTrue(json("{\"op\":\"in\",\"args\":[{\"property\":\"code\"},[\"x\",\"31.72.01.1005\"]]}", pluit));
    assertTrue(json("{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"participants\"}]}]}", koja));
    assertTrue(json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[106.89,-6.11,106.91,-6.10]}]}", koja));
    assertTrue(json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[106.7,-6.2],[106.8,-6.2],[106.8,-6.0],[106.7,-6.2]]]}]}", pluit));
    assertTrue(json("{\"op\":\"=\",\"args\":[{\"property\":\"period_start\"},{\"date\":\"2026-10-01\"}]}", koja));
    assertTrue(json("true", koja));
  }

  @Test
  void textErrorsNameTheCharacter() {
    assertEquals("character 1", textError("nama = 'Koja'").at());
    assertTrue(textError("nama = 'Koja'").getMessage().contains("unknown property 'nama'"));
    assertEquals("character 18", textError("name = 'Koja' AND").at(), "the end of the filter");
    assertEquals("character 8", textError("name = 'Koja").at());
    assertEquals("character 6", textError("name != 'x'").at());
    assertEquals("character 16", textError("participants = 'many'").at());
    assertTrue(textError("participants = 'many'").getMessage().contains("number"));
    assertEquals("character 8", textError("code = 31").at(), "the value is named");
    assertEquals("character 11", textError("name LIKE 5").at());
    assertTrue(textError("geometry = 'x'").getMessage().contains("S_INTERSECTS"));
    assertTrue(textError("((name = 'x')").getMessage().contains("closing the '(' at character 1"));
    assertEquals("character 1", textError("").at());
    assertEquals("character 15", textError("name = 'Koja' name").at());
    assertTrue(textError("S_WITHIN(geometry, BBOX(1,2,3,4))").getMessage().contains("S_INTERSECTS"));
    textError("S_INTERSECTS(geometry, POLYGON((1 2, 3 4)))");
    textError("S_INTERSECTS(geometry, BBOX(1,2,3))");
    textError("period_start = '2026-10-01'");
    textError("name");
    textError("'x'");
  }

  @Test
  void jsonErrorsNameThePointer() {
    assertEquals("/args/0/property", jsonError("{\"op\":\"=\",\"args\":[{\"property\":\"\"},\"x\"]}").at());
    assertEquals("/args/0", jsonError("{\"op\":\"=\",\"args\":[{\"property\":\"nama\"},\"x\"]}").at());
    assertEquals("/op", jsonError("{\"op\":\"s_within\",\"args\":[]}").at());
    assertEquals("/args/1/args", jsonError("{\"op\":\"and\",\"args\":[true,{\"op\":\"=\",\"args\":[1]}]}").at());
    assertEquals("/args/1", jsonError("{\"op\":\"=\",\"args\":[{\"property\":\"participants\"},\"x\"]}").at());
    assertTrue(jsonError("{\"op\":").at().startsWith("character"));
    jsonError("{\"op\":\"=\",\"args\":[1,2]} trailing");
    jsonError("[1]");
    jsonError("{\"op\":\"in\",\"args\":[{\"property\":\"code\"},[]]}");
  }

  @Test
  void limitsAreEnforced() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 40; i++) deep.append('(');
    deep.append("name = 'x'");
    for (int i = 0; i < 40; i++) deep.append(')');
    assertTrue(textError(deep.toString()).getMessage().contains("deeper"));
    StringBuilder nots = new StringBuilder();
    for (int i = 0; i < 40; i++) nots.append("NOT ");
    assertTrue(textError(nots + "name = 'x'").getMessage().contains("deeper"));
    StringBuilder in = new StringBuilder("participants IN (0");
    for (int i = 1; i <= FilterLimits.MAX_IN_VALUES; i++) in.append(',').append(i);
    assertTrue(textError(in + ")").getMessage().contains("at most"));
    assertTrue(textError("name = '" + "x".repeat(FilterLimits.MAX_LENGTH) + "'").getMessage().contains("longer"));
    StringBuilder jsonDeep = new StringBuilder();
    for (int i = 0; i < 40; i++) jsonDeep.append("{\"op\":\"not\",\"args\":[");
    jsonDeep.append("true");
    for (int i = 0; i < 40; i++) jsonDeep.append("]}");
    assertTrue(jsonError(jsonDeep.toString()).getMessage().contains("deeper"));
    // Many wildcards against a long name stay fast (no regular expression backtracking).
    assertFalse(text("name LIKE '" + "%a".repeat(2000) + "b'", koja));
  }

  @Test
  void valuesNoStoreCouldTakeAreRefused() {
    assertTrue(textError("name = 'a\u0000b'").getMessage().contains("NUL"));
    assertTrue(textError("participants > 1e999999999").getMessage().contains("out of range"));
    assertTrue(textError("participants > 1e-999999").getMessage().contains("out of range"));
    assertTrue(jsonError("{\"op\":\">\",\"args\":[{\"property\":\"participants\"},1e400]}").getMessage().contains("out of range"));
    // A bow tie: its ring crosses itself.
    FilterException bowTie = textError("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))");
    assertTrue(bowTie.getMessage().contains("not a valid geometry"), bowTie.getMessage());
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 3000; i++) deep.append('[');
    for (int i = 0; i < 3000; i++) deep.append(']');
    jsonError(deep.toString());
    jsonError("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1]]]}]}");
    jsonError("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Circle\",\"coordinates\":[0,0]}]}");
  }

  @Test
  void geometryCollectionsAndEmptyGeometriesIntersectAsExpected() {
    assertTrue(text("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(0 0), POLYGON((106.89 -6.11, 106.91 -6.11,"
        + " 106.91 -6.10, 106.89 -6.10, 106.89 -6.11))))", koja));
    assertFalse(text("S_INTERSECTS(geometry, POINT EMPTY)", koja));
    assertTrue(json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"GeometryCollection\","
        + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[106.791,-6.110]}]}]}", pluit));
  }

  /** Mangled filters only ever fail as a FilterException (a 400), never as anything a server would answer 500 to. */
  @Test
  void mangledFiltersFailOnlyAsFilterExceptions() {
    List<String> seeds = List.of(
        "kecamatan_code = '31.72.03' AND NOT (participants BETWEEN 1 AND 2e3)",
        "name LIKE 'R_wa%' OR code IN ('a', 'b') OR coverage_rate IS NOT NULL",
        "S_INTERSECTS(geometry, MULTIPOLYGON(((1 1, 2 1, 2 2, 1 1)))) AND period_start >= DATE('2026-01-01')",
        "S_INTERSECTS(geometry, BBOX(-180, -90, 180, 90)) AND \"name\" <> 'x''y'",
        "{\"op\":\"and\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"code\"},[\"a\",\"b\"]]},"
            + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\","
            + "\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}]},{\"op\":\"between\",\"args\":[{\"property\":"
            + "\"participants\"},1,{\"date\":\"2026-01-01\"}]}]}");
    String alphabet = "()'\",.-+e0123456789 %_\\[]{}:ANDORTlike\u0000\u2019";
    java.util.Random random = new java.util.Random(20261201);
    for (int round = 0; round < 4000; round++) {
      StringBuilder f = new StringBuilder(seeds.get(round % seeds.size()));
      for (int edits = 1 + random.nextInt(3); edits > 0 && f.length() > 0; edits--) {
        int at = random.nextInt(f.length());
        switch (random.nextInt(3)) {
          case 0 -> f.deleteCharAt(at);
          case 1 -> f.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> f.setLength(at);
        }
      }
      for (Filter.Lang lang : Filter.Lang.values()) {
        try {
          Filter parsed = Filter.parse(f.toString(), lang, QUERYABLES);
          FilterEvaluator evaluator = new FilterEvaluator(parsed);
          for (Map<String, Object> feature : List.of(koja, rawa, pluit)) evaluator.matches(feature::get);
          SqlFilter.of(parsed, Map.of("code", "c", "name", "n", "kecamatan_code", "k", "participants", "p",
              "coverage_rate", "r", "period_start", "d", "geometry", "g"));
        } catch (FilterException expected) {
          // a 400
        } catch (RuntimeException e) {
          throw new AssertionError(lang + " filter <" + f + "> failed with " + e, e);
        }
      }
    }
  }

  @Test
  void sortByOrdersWithNullsLast() {
    SortBy s = SortBy.parse("-participants, name", QUERYABLES);
    List<Map<String, Object>> rows = new java.util.ArrayList<>(List.of(rawa, koja, pluit));
    rows.sort((a, b) -> s.comparator().compare(a::get, b::get));
    assertEquals(List.of("Pluit", "Koja", "Rawa Badak Utara"), rows.stream().map(r -> r.get("name")).toList());
    assertThrows(IllegalArgumentException.class, () -> SortBy.parse("nama", QUERYABLES));
    assertThrows(IllegalArgumentException.class, () -> SortBy.parse("geometry", QUERYABLES));
    assertThrows(IllegalArgumentException.class, () -> SortBy.parse("name,", QUERYABLES));
  }
}
