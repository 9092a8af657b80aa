package id.cakupan.download;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import id.cakupan.map.Atlas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A layer with its metrics as a zipped ESRI Shapefile: {@code .shp}, {@code .shx} (see
 * {@link ShpPolygonWriter}), {@code .dbf} (UTF-8, fields of {@link LayerFields}), {@code .prj}
 * (WGS 84 in ESRI's WKT, which GDAL, QGIS and ArcGIS identify as EPSG:4326), {@code .cpg} (UTF-8)
 * and {@code fields.csv}, the mapping of the short field names. The period of the query must be
 * resolved.
 */
public final class ShapefileLayerWriter {
  /** ESRI's own spelling of WGS 84 lon/lat, as ArcGIS writes it. */
  static final String PRJ_WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
      + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
      + "UNIT[\"Degree\",0.0174532925199433]]";
  private static final int MAX_TEXT_BYTES = 254;

  private ShapefileLayerWriter() {}

  public static byte[] zip(Atlas atlas, DownloadQuery q) {
    List<LayerDownloads.Row> rows = LayerDownloads.rows(atlas, q);
    List<MultiPolygon> polygons = new ArrayList<>(rows.size());
    for (LayerDownloads.Row r : rows) polygons.add(LayerDownloads.multiPolygon(r.unit().geometry()));
    ShpPolygonWriter.Files shapes = ShpPolygonWriter.write(polygons);
    String base = q.fileName().substring(0, q.fileName().length() - q.format().extension().length() - 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, base + ".shp", shapes.shp());
      entry(zip, base + ".shx", shapes.shx());
      entry(zip, base + ".dbf", dbf(q, rows));
      entry(zip, base + ".prj", PRJ_WGS84.getBytes(StandardCharsets.US_ASCII));
      entry(zip, base + ".cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
      entry(zip, "fields.csv", LayerFields.mappingCsv().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The attribute table: one record per shape, in the same order. */
  static byte[] dbf(DownloadQuery q, List<LayerDownloads.Row> rows) {
    List<LayerFields.Field> fields = LayerFields.ALL;
    Object[][] values = new Object[rows.size()][fields.size()];
    int[] textBytes = new int[fields.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int f = 0; f < fields.size(); f++) {
        Object v = fields.get(f).value().apply(q, rows.get(i));
        if (v instanceof String s) {
          s = fit(s, MAX_TEXT_BYTES);
          textBytes[f] = Math.max(textBytes[f], s.getBytes(StandardCharsets.UTF_8).length);
          v = s;
        }
        values[i][f] = v;
      }
    }
    DBFField[] columns = new DBFField[fields.size()];
    for (int f = 0; f < fields.size(); f++) {
      LayerFields.Field field = fields.get(f);
      columns[f] = switch (field.kind()) {
        case TEXT -> new DBFField(field.dbfName(), DBFDataType.CHARACTER, Math.max(1, textBytes[f]));
        case INTEGER, DECIMAL -> new DBFField(field.dbfName(), DBFDataType.NUMERIC, field.width(), field.decimals());
      };
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DBFWriter writer = new DBFWriter(out, StandardCharsets.UTF_8);
    writer.setFields(columns);
    for (Object[] row : values) writer.addRecord(row);
    writer.close();
    return out.toByteArray();
  }

  /** The text cut to whole characters within {@code maxBytes} of UTF-8: a .dbf cell has a fixed width. */
  static String fit(String s, int maxBytes) {
    if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return s;
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > maxBytes) break;
      bytes += n;
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
