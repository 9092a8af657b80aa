package id.cakupan.download;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Figures;
import id.cakupan.map.Atlas;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.CsvWriter;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.GeoJsonGeometryWriter;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.UnitJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A layer with its metrics for one month and sector, as GeoJSON or CSV (GeoPackage: see
 * {@link GeoPackageLayerWriter}). The period of the query must already be resolved.
 */
public final class LayerDownloads {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();
  /**
   * WGS 84 in OGC WKT 1 with its EPSG authority: GDAL's CSV driver takes a .prj as it is (unlike
   * the Shapefile driver, it does not identify ESRI's spelling), and with the authority it reports
   * EPSG:4326, the lon/lat columns mapped to its axes.
   */
  static final String PRJ_EPSG_4326 = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
      + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
      + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

  /** Rows of CSV held before they are moved to the output: a few hundred KB even with WKT polygons. */
  private static final int ROWS_PER_DRAIN = 256;

  private LayerDownloads() {}

  /** One row of a download: the unit and its figures. */
  public record Row(MapUnit unit, Figures figures) {}

  static List<Row> rows(Atlas atlas, DownloadQuery q) {
    List<Row> rows = new ArrayList<>();
    for (MapUnit u : q.layer().units(atlas)) {
      rows.add(new Row(u, ChoroplethLayer.figures(atlas, u, q.sector(), q.period())));
    }
    return rows;
  }

  public static byte[] geojson(Atlas atlas, DownloadQuery q) {
    return JsonBytes.write(g -> geojson(g, atlas, q));
  }

  /** The GeoJSON streamed into {@code out}, one feature at a time (a national layer is too large to hold). */
  public static void geojson(Atlas atlas, DownloadQuery q, OutputStream out) throws IOException {
    JsonBytes.write(out, g -> geojson(g, atlas, q));
  }

  private static void geojson(JsonGenerator g, Atlas atlas, DownloadQuery q) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeStringField("name", q.level().key()); // the layer name GDAL and QGIS show
    g.writeBooleanField("schematic", atlas.schematic());
    g.writeBooleanField("synthetic", atlas.synthetic());
    g.writeArrayFieldStart("features");
    for (Row r : rows(atlas, q)) {
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeStringField("id", r.unit().code());
      g.writeFieldName("geometry");
      g.writeRawValue(r.unit().geometryJson());
      g.writeObjectFieldStart("properties");
      UnitJson.write(g, r.unit());
      g.writeStringField("sector", q.sector().name());
      g.writeStringField("period", q.period().toString());
      FiguresJson.write(g, r.figures());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * One row per unit; the place is a point inside the polygon (lon, lat), or with {@code wkt} the
   * polygon itself as WKT in lon/lat, 6 decimals.
   */
  public static byte[] csv(Atlas atlas, DownloadQuery q, CsvWriter.Dialect dialect) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      csv(atlas, q, dialect, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory does not fail
    }
    return out.toByteArray();
  }

  /** The CSV streamed into {@code out}, drained every {@value #ROWS_PER_DRAIN} rows. */
  public static void csv(Atlas atlas, DownloadQuery q, CsvWriter.Dialect dialect, OutputStream out) throws IOException {
    CsvWriter w = new CsvWriter(dialect);
    w.head("code", "kode").head("bps_code", "kode_bps").head("name", "nama").head("level", "tingkat").head("kecamatan", "kecamatan")
        .head("kecamatan_code", "kode_kecamatan").head("kota", "kota").head("kota_code", "kode_kota")
        .head("luas_km2", "luas_km2").head("sector", "sektor").head("period", "periode");
    FiguresJson.csvHead(w);
    boolean aggregates = q.level() != Level.KELURAHAN;
    if (aggregates) FiguresJson.csvPartialHead(w);
    if (q.wkt()) w.head("wkt", "wkt");
    else w.head("lon", "bujur").head("lat", "lintang");
    w.endRow();
    int rows = 0;
    for (Row r : rows(atlas, q)) {
      MapUnit u = r.unit();
      w.text(u.code()).text(u.bpsCode()).text(u.name()).text(u.level().key()).text(u.kecamatan()).text(u.kecamatanCode())
          .text(u.kota()).text(u.kotaCode()).decimal(u.areaKm2(), 3).text(q.sector().name())
          .text(q.period().toString());
      FiguresJson.csv(w, r.figures());
      if (aggregates) FiguresJson.csvPartial(w, r.figures());
      if (q.wkt()) {
        StringBuilder polygon = new StringBuilder();
        wkt(polygon, multiPolygon(u.geometry()));
        w.text(polygon.toString()); // quoted: WKT separates coordinates with commas
      } else {
        Coordinate p = interiorPoint(u.geometry());
        w.decimal(p == null ? null : p.x, 6).decimal(p == null ? null : p.y, 6);
      }
      w.endRow();
      if (++rows % ROWS_PER_DRAIN == 0) w.drainTo(out);
    }
    w.drainTo(out);
  }

  /**
   * GDAL's {@code .csvt} for {@link #csv} in the plain dialect: one type per column, in order. Codes
   * are {@code String} (GDAL would otherwise guess {@code 31.72} to be a number), the point is
   * {@code CoordX}/{@code CoordY} and the polygon {@code WKT}, so GDAL builds the geometry itself.
   */
  public static byte[] csvt(DownloadQuery q) {
    List<String> types = new ArrayList<>(List.of("String", "String", "String", "String", "String", "String",
        "String", "String", "Real", "String", "String", "Integer64", "Integer64", "Real", "Integer64", "Integer64",
        "Real"));
    if (q.level() != Level.KELURAHAN) types.addAll(List.of("Integer64", "Integer64", "Real", "Integer64")); // the partial figures
    if (q.wkt()) types.add("WKT");
    else types.addAll(List.of("CoordX", "CoordY"));
    StringBuilder sb = new StringBuilder();
    for (String t : types) sb.append(sb.length() == 0 ? "" : ",").append('"').append(t).append('"');
    return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The CSV with its {@code .csvt} and a {@code .prj} (WGS 84, which GDAL's CSV driver reads for the
   * geometry it builds), zipped under the download's name.
   */
  public static byte[] csvZip(Atlas atlas, DownloadQuery q) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      csvZip(atlas, q, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The zip streamed into {@code out} (closed at the end), the CSV deflated as it is written. */
  public static void csvZip(Atlas atlas, DownloadQuery q, OutputStream out) throws IOException {
    String base = q.fileName().substring(0, q.fileName().length() - q.format().extension().length() - 1);
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(base + ".csv"));
      csv(atlas, q, CsvWriter.Dialect.PLAIN, zip);
      zip.closeEntry();
      entry(zip, base + ".csvt", csvt(q));
      entry(zip, base + ".prj", PRJ_EPSG_4326.getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /** MULTIPOLYGON WKT with the numbers of the GeoJSON output: at most 6 decimals, plain notation. */
  static void wkt(StringBuilder sb, MultiPolygon mp) {
    if (mp.isEmpty()) {
      sb.append("MULTIPOLYGON EMPTY");
      return;
    }
    sb.append("MULTIPOLYGON (");
    for (int p = 0; p < mp.getNumGeometries(); p++) {
      Polygon polygon = (Polygon) mp.getGeometryN(p);
      sb.append(p == 0 ? "(" : ", (");
      for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
        CoordinateSequence ring = (r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1))
            .getCoordinateSequence();
        sb.append(r == 0 ? "(" : ", (");
        for (int i = 0; i < ring.size(); i++) {
          if (i > 0) sb.append(", ");
          sb.append(GeoJsonGeometryWriter.formatNumber(ring.getX(i))).append(' ')
              .append(GeoJsonGeometryWriter.formatNumber(ring.getY(i)));
        }
        sb.append(')');
      }
      sb.append(')');
    }
    sb.append(')');
  }

  /** A point guaranteed inside the polygon (unlike the centroid of a crescent), or null if empty. */
  static Coordinate interiorPoint(Geometry g) {
    return g.isEmpty() ? null : InteriorPointArea.getInteriorPoint(g);
  }

  /** The geometry as a MultiPolygon: the one type a download's geometry column holds. */
  static MultiPolygon multiPolygon(Geometry g) {
    if (g instanceof MultiPolygon mp) return mp;
    if (g instanceof Polygon p) return GEOMETRY.createMultiPolygon(new Polygon[] {p});
    List<Polygon> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) parts.add(p);
      else if (part instanceof MultiPolygon mp) {
        for (int j = 0; j < mp.getNumGeometries(); j++) parts.add((Polygon) mp.getGeometryN(j));
      }
    }
    return GEOMETRY.createMultiPolygon(parts.toArray(new Polygon[0]));
  }
}
