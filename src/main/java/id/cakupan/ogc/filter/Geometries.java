package id.cakupan.ogc.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Geometry literals of a filter: BBOX rectangles and GeoJSON geometries, in CRS84 lon/lat. */
final class Geometries {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private Geometries() {}

  /** A BBOX (4 numbers, or 6 with heights that are ignored); one crossing the antimeridian becomes two rectangles. */
  static Geometry box(List<Double> v, String at) {
    boolean threeD = v.size() == 6;
    double minX = v.get(0);
    double minY = v.get(1);
    double maxX = threeD ? v.get(3) : v.get(2);
    double maxY = threeD ? v.get(4) : v.get(3);
    for (double d : v) if (!Double.isFinite(d)) throw new FilterException(at, "BBOX numbers must be finite");
    if (minY > maxY) throw new FilterException(at, "BBOX south edge " + minY + " is north of its north edge " + maxY);
    for (double lat : new double[] {minY, maxY}) {
      if (lat < -90 || lat > 90) throw new FilterException(at, "BBOX latitude " + lat + " is outside -90..90");
    }
    for (double lon : new double[] {minX, maxX}) {
      if (lon < -180 || lon > 180) throw new FilterException(at, "BBOX longitude " + lon + " is outside -180..180");
    }
    if (minX > maxX) {
      return FACTORY.createMultiPolygon(new Polygon[] {
          (Polygon) FACTORY.toGeometry(new Envelope(minX, 180, minY, maxY)),
          (Polygon) FACTORY.toGeometry(new Envelope(-180, maxX, minY, maxY))});
    }
    return FACTORY.toGeometry(new Envelope(minX, maxX, minY, maxY));
  }

  /** A GeoJSON geometry object; {@code budget[0]} counts down the coordinates a filter may still hold. */
  static Geometry geoJson(JsonNode node, String at, int[] budget) {
    String type = node.path("type").asText("");
    JsonNode c = node.get("coordinates");
    if (type.equals("GeometryCollection")) {
      JsonNode members = node.get("geometries");
      if (members == null || !members.isArray()) throw new FilterException(at, "a GeometryCollection needs \"geometries\"");
      Geometry[] out = new Geometry[members.size()];
      for (int i = 0; i < out.length; i++) out[i] = geoJson(members.get(i), at + "/geometries/" + i, budget);
      return FACTORY.createGeometryCollection(out);
    }
    if (c == null || !c.isArray()) throw new FilterException(at, "a GeoJSON " + type + " needs \"coordinates\"");
    String where = at + "/coordinates";
    try {
      return switch (type) {
        case "Point" -> FACTORY.createPoint(coordinate(c, where, budget));
        case "LineString" -> FACTORY.createLineString(coordinates(c, where, budget));
        case "Polygon" -> polygon(c, where, budget);
        case "MultiPoint" -> {
          Point[] points = new Point[c.size()];
          for (int i = 0; i < points.length; i++) points[i] = FACTORY.createPoint(coordinate(c.get(i), where + "/" + i, budget));
          yield FACTORY.createMultiPoint(points);
        }
        case "MultiLineString" -> {
          LineString[] lines = new LineString[c.size()];
          for (int i = 0; i < lines.length; i++) lines[i] = FACTORY.createLineString(coordinates(c.get(i), where + "/" + i, budget));
          yield FACTORY.createMultiLineString(lines);
        }
        case "MultiPolygon" -> {
          Polygon[] polygons = new Polygon[c.size()];
          for (int i = 0; i < polygons.length; i++) polygons[i] = polygon(c.get(i), where + "/" + i, budget);
          yield FACTORY.createMultiPolygon(polygons);
        }
        default -> throw new FilterException(at, "'" + type + "' is not a GeoJSON geometry type");
      };
    } catch (IllegalArgumentException e) {
      if (e instanceof FilterException f) throw f;
      // JTS refuses unclosed rings and lines of one point.
      throw new FilterException(at, "not a valid " + type + ": " + e.getMessage());
    }
  }

  private static Polygon polygon(JsonNode rings, String at, int[] budget) {
    if (!rings.isArray() || rings.isEmpty()) throw new FilterException(at, "a polygon needs at least one ring");
    LinearRing shell = FACTORY.createLinearRing(coordinates(rings.get(0), at + "/0", budget));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) holes[i - 1] = FACTORY.createLinearRing(coordinates(rings.get(i), at + "/" + i, budget));
    return FACTORY.createPolygon(shell, holes);
  }

  private static Coordinate[] coordinates(JsonNode list, String at, int[] budget) {
    if (!list.isArray()) throw new FilterException(at, "expected an array of positions");
    Coordinate[] out = new Coordinate[list.size()];
    for (int i = 0; i < out.length; i++) out[i] = coordinate(list.get(i), at + "/" + i, budget);
    return out;
  }

  private static Coordinate coordinate(JsonNode p, String at, int[] budget) {
    if (!p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new FilterException(at, "expected a position [lon, lat]");
    }
    if (--budget[0] < 0) {
      throw new FilterException(at, "geometries in a filter hold at most " + FilterLimits.MAX_COORDINATES + " coordinates");
    }
    return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
  }
}
