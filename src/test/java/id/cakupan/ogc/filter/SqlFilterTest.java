package id.cakupan.ogc.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL carries only the caller's column expressions and placeholders; every value is a parameter. */
class SqlFilterTest {
  static final Map<String, String> COLUMNS = Map.of("name", "t.name", "code", "t.code", "participants", "t.p",
      "coverage_rate", "t.r", "period_start", "t.d", "geometry", "t.geom");

  static SqlFilter sql(String text) {
    return SqlFilter.of(Filter.parse(text, Filter.Lang.CQL2_TEXT, FilterParsingTest.QUERYABLES), COLUMNS);
  }

  @Test
  void valuesBecomeParameters() {
    SqlFilter f = sql("name = 'x'' OR 1=1 --' AND participants >= 5 OR NOT (period_start < DATE('2026-10-01'))");
    assertEquals("(((t.name = CAST(? AS text)) AND (t.p >= CAST(? AS numeric))) OR (NOT (t.d < CAST(? AS date))))", f.sql());
    assertEquals(List.of("x' OR 1=1 --", new BigDecimal("5"), LocalDate.of(2026, 10, 1)), f.parameters());
    SqlFilter g = sql("code IN ('a', 'b') AND name LIKE 'R_wa%\\_' AND coverage_rate BETWEEN 0 AND 1 AND participants IS NULL"
        + " AND S_INTERSECTS(geometry, BBOX(1, 2, 3, 4))");
    assertEquals("((t.code IN (CAST(? AS text), CAST(? AS text))) AND (t.name LIKE ? ESCAPE '\\') AND (t.r BETWEEN"
        + " CAST(? AS numeric) AND CAST(? AS numeric)) AND (t.p IS NULL) AND ST_Intersects(t.geom, ST_GeomFromText(?, 4326)))",
        g.sql());
    assertEquals("R_wa%\\_", g.parameters().get(2), "the pattern keeps its wildcards and its escaped _");
    assertEquals("POLYGON ((1 2, 1 4, 3 4, 3 2, 1 2))", g.parameters().get(5));
    for (Object p : g.parameters()) assertFalse(g.sql().contains(p.toString()) && !p.toString().isEmpty() && p.toString().length() > 1);
  }

  @Test
  void caseiIsLowerInTheCCollation() {
    SqlFilter f = sql("CASEI(name) = CASEI('KoJa')");
    assertEquals("(lower(CAST(t.name AS text) COLLATE \"C\") = lower(CAST(CAST(? AS text) AS text) COLLATE \"C\"))", f.sql());
    assertEquals(List.of("KoJa"), f.parameters());
  }

  @Test
  void aLikePatternCannotEndInAnEscape() {
    assertEquals(List.of("ab\\\\"), sql("name LIKE 'ab\\'").parameters());
    assertEquals(List.of("100\\%"), sql("name LIKE '100\\%'").parameters());
  }

  @Test
  void aPropertyWithoutAColumnIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SqlFilter.of(Filter.parse("kecamatan_code = 'x'",
        Filter.Lang.CQL2_TEXT, FilterParsingTest.QUERYABLES), COLUMNS));
  }
}
