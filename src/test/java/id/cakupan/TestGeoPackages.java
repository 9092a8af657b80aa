package id.cakupan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/** Reads a GeoPackage's feature table back, independently of the service's own readers. */
public final class TestGeoPackages {
  private TestGeoPackages() {}

  /** A feature as stored: its attributes by column name and its geometry. */
  public record Row(Map<String, Object> attributes, Geometry geometry) {}

  public static List<String> featureTables(Path file) {
    try (GeoPackage gpkg = GeoPackageManager.open(false, file.toFile(), false)) {
      return gpkg.getFeatureTables();
    }
  }

  public static List<Row> read(Path file, String table) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (GeoPackage gpkg = GeoPackageManager.open(false, file.toFile(), false)) {
      FeatureDao dao = gpkg.getFeatureDao(table);
      WKBReader wkb = new WKBReader();
      FeatureResultSet rs = dao.queryForAll();
      try {
        while (rs.moveToNext()) {
          FeatureRow row = rs.getRow();
          Map<String, Object> attributes = new LinkedHashMap<>();
          for (String column : row.getColumnNames()) {
            if (!column.equals(dao.getGeometryColumnName())) attributes.put(column, row.getValue(column));
          }
          rows.add(new Row(attributes, wkb.read(row.getGeometry().getWkb())));
        }
      } finally {
        rs.close();
      }
    }
    return rows;
  }
}
