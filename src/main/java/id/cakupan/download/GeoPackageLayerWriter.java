package id.cakupan.download;

import id.cakupan.map.Atlas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a layer with its metrics as an OGC GeoPackage: one feature table named after the level,
 * EPSG:4326 (lon/lat), a MultiPolygon column {@code geom} with an R-tree index, and one column
 * per attribute of {@link LayerFields}, typed.
 */
public final class GeoPackageLayerWriter {
  static final String GEOMETRY_COLUMN = "geom";
  static final long SRS_WGS84 = 4326;
  private static final int GEOPACKAGE_1_3 = 10300;

  private GeoPackageLayerWriter() {}

  /** Writes the layer into a new file (it must not exist yet; its name must end in .gpkg). */
  public static void write(Atlas atlas, DownloadQuery q, Path file) {
    List<LayerDownloads.Row> rows = LayerDownloads.rows(atlas, q);
    String table = q.level().key();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GeoPackageManager.create(file.toFile());
    try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
      // NGA stamps GeoPackage 1.4, which GDAL before 3.7 (Debian 12, QGIS 3.22+) warns about.
      // Nothing written here differs between 1.3 and 1.4, so claim the version every reader knows.
      gpkg.getConnection().execSQL("PRAGMA user_version = " + GEOPACKAGE_1_3);
      GeometryColumns geometry = new GeometryColumns();
      geometry.setId(new TableColumnKey(table, GEOMETRY_COLUMN));
      geometry.setGeometryType(GeometryType.MULTIPOLYGON);
      geometry.setZ((byte) 0);
      geometry.setM((byte) 0);
      geometry.setSrsId(SRS_WGS84);
      List<FeatureColumn> columns = new ArrayList<>();
      for (LayerFields.Field f : LayerFields.ALL) {
        GeoPackageDataType type = switch (f.kind()) {
          case TEXT -> GeoPackageDataType.TEXT;
          case INTEGER -> GeoPackageDataType.INTEGER;
          case DECIMAL -> GeoPackageDataType.DOUBLE;
        };
        columns.add(FeatureColumn.createColumn(f.property(), type, f.property().equals("code")));
      }
      Envelope extent = new Envelope();
      for (LayerDownloads.Row r : rows) extent.expandToInclude(r.unit().geometry().getEnvelopeInternal());
      BoundingBox bbox = extent.isNull() ? new BoundingBox(-180, -90, 180, 90)
          : new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
      FeatureTable featureTable = gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, columns, bbox));
      featureTable.getContents().setIdentifier("cakupan " + table + " " + q.sector().name() + " " + q.period());
      featureTable.getContents().setDescription("BPJS Ketenagakerjaan coverage per " + table + ", sector "
          + q.sector().name() + ", " + q.period() + (atlas.synthetic() ? " (SYNTHETIC demo data)" : "")
          + (atlas.schematic() ? " (SCHEMATIC boundaries)" : ""));
      gpkg.getContentsDao().update(featureTable.getContents());

      FeatureDao dao = gpkg.getFeatureDao(table);
      WKBWriter wkb = new WKBWriter(2);
      gpkg.beginTransaction();
      boolean done = false;
      try {
        for (LayerDownloads.Row r : rows) {
          FeatureRow row = dao.newRow();
          row.setGeometry(GeoPackageGeometryData.createFromWkbBuildEnvelopeAndWrite(SRS_WGS84,
              wkb.write(LayerDownloads.multiPolygon(r.unit().geometry()))));
          for (LayerFields.Field f : LayerFields.ALL) row.setValue(f.property(), f.value().apply(q, r));
          dao.create(row);
        }
        done = true;
      } finally {
        gpkg.endTransaction(done);
      }
      new RTreeIndexExtension(gpkg).create(featureTable);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not write GeoPackage " + file + ": " + e.getMessage(), e);
    }
  }
}
