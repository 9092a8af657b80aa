package id.cakupan.boundary;

import java.io.IOException;
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
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads the boundary layer of an OGC GeoPackage: the feature table named {@code kelurahan}, or
 * the first feature table when there is none by that name.
 */
final class GeoPackageBoundaryReader {

    static final String PREFERRED_TABLE = "kelurahan";

    private GeoPackageBoundaryReader() {
    }

    static SourceLayer read(Path file, String source) throws BoundaryFormatException {
        GeoPackage geoPackage;
        try {
            // Read-only; validation checks the .gpkg extension and the tables every GeoPackage must have.
            geoPackage = GeoPackageManager.open(false, file.toFile(), true);
        } catch (RuntimeException e) {
            throw new BoundaryFormatException(source + ": is not a readable GeoPackage: " + e.getMessage(), e);
        }
        try (geoPackage) {
            String table = chooseTable(geoPackage.getFeatureTables(), source);
            FeatureDao dao = geoPackage.getFeatureDao(table);
            Crs crs = crs(dao.getSrs(), source, table);
            return new SourceLayer(source, crs, features(dao, source, table));
        } catch (RuntimeException e) {
            throw new BoundaryFormatException(source + ": could not be read as a GeoPackage: " + e.getMessage(), e);
        }
    }

    private static String chooseTable(List<String> tables, String source) throws BoundaryFormatException {
        if (tables.isEmpty()) {
            throw new BoundaryFormatException(source + ": has no feature table");
        }
        return tables.stream().filter(PREFERRED_TABLE::equalsIgnoreCase).findFirst().orElse(tables.get(0));
    }

    private static Crs crs(SpatialReferenceSystem srs, String source, String table) throws BoundaryFormatException {
        if (srs == null) {
            throw new BoundaryFormatException(source + ": table " + table + " has no spatial reference system");
        }
        String organization = srs.getOrganization() == null ? "" : srs.getOrganization().trim();
        long code = srs.getOrganizationCoordsysId();
        try {
            if (organization.equalsIgnoreCase("EPSG") && code > 0 && code <= Integer.MAX_VALUE) {
                return Crs.epsg((int) code);
            }
            String definition = srs.getDefinition();
            if (definition != null && !definition.isBlank() && !definition.trim().equalsIgnoreCase("undefined")) {
                return WktCrsRecognizer.recognise(definition);
            }
        } catch (IllegalArgumentException e) {
            throw new BoundaryFormatException(source + ": table " + table + " has CRS " + organization + ":" + code
                    + ", which cannot be used: " + e.getMessage(), e);
        }
        throw new BoundaryFormatException(source + ": table " + table + " has an undefined CRS ("
                + (organization.isEmpty() ? "no organization" : organization) + " " + code + ")");
    }

    private static List<SourceFeature> features(FeatureDao dao, String source, String table)
            throws BoundaryFormatException {
        String geometryColumn = dao.getGeometryColumnName();
        String idColumn = dao.getIdColumnName();
        WKBReader wkb = new WKBReader(new GeometryFactory());
        List<SourceFeature> features = new ArrayList<>();
        FeatureResultSet rows = dao.queryForAll();
        try {
            while (rows.moveToNext()) {
                FeatureRow row = rows.getRow();
                int number = features.size() + 1;
                String name = "feature " + number + " (" + idColumn + " " + row.getId() + ")";
                Geometry geometry = geometry(row.getGeometry(), wkb, source, name);
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (String column : row.getColumnNames()) {
                    // The primary key and the geometry are structure, not attributes of the kelurahan.
                    if (!column.equals(geometryColumn) && !column.equals(idColumn)) {
                        attributes.put(column, AttributeValues.normalise(row.getValue(column)));
                    }
                }
                features.add(new SourceFeature(number, attributes, geometry));
            }
        } finally {
            rows.close();
        }
        return features;
    }

    private static Geometry geometry(GeoPackageGeometryData data, WKBReader wkb, String source, String name)
            throws BoundaryFormatException {
        if (data == null || data.isEmpty() || data.getGeometry() == null) {
            throw new BoundaryFormatException(source + ": " + name + " has no geometry, expected Polygon or MultiPolygon");
        }
        Geometry geometry;
        try {
            geometry = wkb.read(data.getWkb());
        } catch (IOException | ParseException e) {
            throw new BoundaryFormatException(source + ": " + name + " has a geometry that cannot be decoded: "
                    + e.getMessage(), e);
        }
        if (!(geometry instanceof Polygon) && !(geometry instanceof MultiPolygon)) {
            throw new BoundaryFormatException(source + ": " + name + " has geometry type "
                    + geometry.getGeometryType() + ", expected Polygon or MultiPolygon");
        }
        return geometry;
    }
}
