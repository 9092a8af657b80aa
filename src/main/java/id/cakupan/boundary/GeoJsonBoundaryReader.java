package id.cakupan.boundary;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection of Polygon and MultiPolygon features. Coordinates are WGS 84
 * lon/lat (RFC 7946) unless the file carries the legacy (2008) {@code crs} member.
 */
final class GeoJsonBoundaryReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;
    private final GeometryFactory factory = new GeometryFactory();

    private GeoJsonBoundaryReader(String source) {
        this.source = source;
    }

    static SourceLayer read(String source, InputStream json) throws BoundaryFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BoundaryFormatException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BoundaryFormatException(source + ": could not be read: " + e.getMessage(), e);
        }
        return new GeoJsonBoundaryReader(source).layer(root);
    }

    private SourceLayer layer(JsonNode root) throws BoundaryFormatException {
        if (root == null || !root.isObject()) {
            throw fail("is not a GeoJSON object");
        }
        String type = root.path("type").asText("");
        List<JsonNode> featureNodes = new ArrayList<>();
        if (type.equals("FeatureCollection")) {
            JsonNode array = root.get("features");
            if (array == null || !array.isArray()) {
                throw fail("FeatureCollection has no \"features\" array");
            }
            array.forEach(featureNodes::add);
        } else if (type.equals("Feature")) {
            featureNodes.add(root);
        } else {
            throw fail("top-level type is \"" + type + "\", expected FeatureCollection");
        }
        Crs crs = declaredCrs(root);
        List<SourceFeature> features = new ArrayList<>(featureNodes.size());
        for (int i = 0; i < featureNodes.size(); i++) {
            features.add(feature(i + 1, featureNodes.get(i)));
        }
        return new SourceLayer(source, crs, features);
    }

    private Crs declaredCrs(JsonNode root) throws BoundaryFormatException {
        JsonNode crs = root.get("crs");
        if (crs == null || crs.isNull()) {
            return Crs.CRS84;
        }
        String type = crs.path("type").asText("");
        JsonNode name = crs.path("properties").path("name");
        if (!type.equals("name") || !name.isTextual()) {
            throw fail("the \"crs\" member must be of type \"name\" with properties.name, e.g. \"EPSG:32748\"; "
                    + "linked CRSs are not supported");
        }
        try {
            return Crs.fromName(name.asText());
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private SourceFeature feature(int number, JsonNode node) throws BoundaryFormatException {
        if (!node.isObject() || !"Feature".equals(node.path("type").asText())) {
            throw fail("feature " + number + " is not a GeoJSON Feature object");
        }
        JsonNode geometry = node.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw fail("feature " + number + " has no geometry (null), expected Polygon or MultiPolygon");
        }
        return new SourceFeature(number, properties(node.get("properties")), geometry(number, geometry));
    }

    private static Map<String, Object> properties(JsonNode properties) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (properties != null && properties.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                attributes.put(field.getKey(), value(field.getValue()));
            }
        }
        return attributes;
    }

    // Same value types as the shapefile and GeoPackage readers give, so callers need one code path.
    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return MAPPER.convertValue(node, Object.class);
    }

    private Geometry geometry(int number, JsonNode geometry) throws BoundaryFormatException {
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        switch (type) {
            case "Polygon":
                return polygon(number, coordinates);
            case "MultiPolygon": {
                requireArray(number, coordinates);
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(number, coordinates.get(i));
                }
                return factory.createMultiPolygon(polygons);
            }
            default:
                throw fail("feature " + number + " has geometry type " + (type.isEmpty() ? "(none)" : type)
                        + ", expected Polygon or MultiPolygon");
        }
    }

    private Polygon polygon(int number, JsonNode rings) throws BoundaryFormatException {
        requireArray(number, rings);
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(number, rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(number, rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(int number, JsonNode positions) throws BoundaryFormatException {
        requireArray(number, positions);
        List<Coordinate> coordinates = new ArrayList<>(positions.size() + 1);
        for (JsonNode position : positions) {
            if (!position.isArray() || position.size() < 2
                    || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw fail("feature " + number + " has a position that is not [x, y]: " + position);
            }
            coordinates.add(new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue()));
        }
        // RFC 7946 rings repeat their first position; some writers forget, and closing them loses nothing.
        if (!coordinates.isEmpty() && !coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(coordinates.get(0).copy());
        }
        if (coordinates.size() < 4) {
            throw fail("feature " + number + " has a ring of " + positions.size()
                    + " positions; a ring needs at least 4 (a triangle plus the closing position)");
        }
        return factory.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }

    private void requireArray(int number, JsonNode node) throws BoundaryFormatException {
        if (node == null || !node.isArray()) {
            throw fail("feature " + number + " has missing or malformed coordinates");
        }
    }

    private BoundaryFormatException fail(String problem) {
        return new BoundaryFormatException(source + ": " + problem);
    }
}
