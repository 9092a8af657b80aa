package id.cakupan.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Square cells for hand-checked contiguity and Gi* tests, named by column letter and row number. */
final class Grids {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private Grids() {}

  /**
   * A cols × rows grid of 0.01° squares near Jakarta (about 1.1 km a side), row 1 at the top:
   * "a1" is the top-left cell, "b1" the one right of it, "a2" the one below it.
   */
  static Map<String, Geometry> squares(int cols, int rows) {
    Map<String, Geometry> cells = new LinkedHashMap<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        cells.put(name(c, r), square(106.80 + 0.01 * c, -6.10 - 0.01 * r, 0.01));
      }
    }
    return cells;
  }

  static String name(int col, int row) {
    return (char) ('a' + col) + Integer.toString(row + 1);
  }

  /** An axis-parallel square with its top-left corner at (lon, lat). */
  static Geometry square(double lon, double lat, double side) {
    return FACTORY.createPolygon(new Coordinate[] {
        new Coordinate(lon, lat), new Coordinate(lon, lat - side), new Coordinate(lon + side, lat - side),
        new Coordinate(lon + side, lat), new Coordinate(lon, lat)});
  }
}
