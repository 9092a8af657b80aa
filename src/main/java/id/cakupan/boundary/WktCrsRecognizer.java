package id.cakupan.boundary;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out which CRS a WKT text (a shapefile .prj or a GeoPackage SRS definition) describes.
 * Not a general WKT interpreter: it trusts an EPSG authority code when the text has one, and
 * otherwise recognises the CRSs that boundary files for Indonesia actually come in, WGS 84
 * longitude/latitude and WGS 84 / UTM.
 */
final class WktCrsRecognizer {

    static final String SUPPORTED = "supported are WGS 84 longitude/latitude (EPSG:4326), "
            + "WGS 84 / UTM zones (EPSG:326nn north, EPSG:327nn south, e.g. EPSG:32748 for Jakarta), "
            + "and any CRS whose WKT carries an EPSG AUTHORITY code";

    private static final Pattern UTM_NAME =
            Pattern.compile("(?i)UTM[ _]*zone[ _]*(\\d{1,2})[ _]*([NS])(?![A-Za-z])");
    private static final double UTM_SCALE = 0.9996;
    private static final double UTM_FALSE_EASTING = 500_000.0;
    private static final double UTM_SOUTH_FALSE_NORTHING = 10_000_000.0;

    private WktCrsRecognizer() {
    }

    /** @throws IllegalArgumentException naming the CRS when it is malformed or not supported */
    static Crs recognise(String wkt) {
        WktElement root = WktElement.parse(wkt.trim());
        Optional<Crs> byAuthority = epsgAuthority(root);
        if (byAuthority.isPresent()) {
            return byAuthority.get();
        }
        switch (root.keyword()) {
            case "GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS":
                if (isWgs84(root)) {
                    return Crs.WGS84;
                }
                throw unsupported(root);
            case "PROJCS", "PROJCRS", "PROJECTEDCRS":
                return wgs84Utm(root).orElseThrow(() -> unsupported(root));
            default:
                throw unsupported(root);
        }
    }

    // Only the root's own authority names the CRS; nested ones name its datum, units and so on.
    private static Optional<Crs> epsgAuthority(WktElement root) {
        Optional<WktElement> authority = root.child("AUTHORITY", "ID");
        if (authority.isEmpty() || !authority.get().text(0).orElse("").equalsIgnoreCase("EPSG")) {
            return Optional.empty();
        }
        String code = authority.get().text(1).orElse("").trim();
        if (!code.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Crs.epsg(Integer.parseInt(code)));
    }

    private static Optional<Crs> wgs84Utm(WktElement projected) {
        Optional<WktElement> geographic = projected.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS");
        if (geographic.isEmpty() || !isWgs84(geographic.get())) {
            return Optional.empty();
        }
        if (projected.child("PROJECTION").isPresent()) {
            // The parameters are what the coordinates were computed with, so they outrank the name.
            return utmFromParameters(projected);
        }
        Matcher name = UTM_NAME.matcher(projected.name());
        if (name.find()) {
            return utmZone(Integer.parseInt(name.group(1)), name.group(2).equalsIgnoreCase("S"));
        }
        return Optional.empty();
    }

    private static Optional<Crs> utmFromParameters(WktElement projected) {
        String method = normalised(projected.child("PROJECTION").map(WktElement::name).orElse(""));
        if (!method.equals("TRANSVERSEMERCATOR")) {
            return Optional.empty();
        }
        double centralMeridian = parameter(projected, "CENTRALMERIDIAN", "LONGITUDEOFCENTER", Double.NaN);
        double scale = parameter(projected, "SCALEFACTOR", "SCALEFACTORATNATURALORIGIN", 1.0);
        double falseEasting = parameter(projected, "FALSEEASTING", "FALSEEASTING", 0.0);
        double falseNorthing = parameter(projected, "FALSENORTHING", "FALSENORTHING", 0.0);
        double latitudeOfOrigin = parameter(projected, "LATITUDEOFORIGIN", "LATITUDEOFCENTER", 0.0);
        double zoneNumber = (centralMeridian + 183.0) / 6.0;
        boolean utmLike = Math.abs(scale - UTM_SCALE) < 1e-9
                && Math.abs(falseEasting - UTM_FALSE_EASTING) < 1e-6
                && Math.abs(latitudeOfOrigin) < 1e-9
                && Math.abs(zoneNumber - Math.rint(zoneNumber)) < 1e-9
                && metres(projected);
        if (!utmLike) {
            return Optional.empty();
        }
        if (Math.abs(falseNorthing) < 1e-6) {
            return utmZone((int) Math.rint(zoneNumber), false);
        }
        if (Math.abs(falseNorthing - UTM_SOUTH_FALSE_NORTHING) < 1e-6) {
            return utmZone((int) Math.rint(zoneNumber), true);
        }
        return Optional.empty();
    }

    private static Optional<Crs> utmZone(int zone, boolean south) {
        if (zone < 1 || zone > 60) {
            return Optional.empty();
        }
        return Optional.of(Crs.epsg((south ? 32700 : 32600) + zone));
    }

    private static double parameter(WktElement projected, String name, String alias, double fallback) {
        for (WktElement parameter : projected.children("PARAMETER")) {
            String key = normalised(parameter.name());
            if (key.equals(name) || key.equals(alias)) {
                return parameter.number(1).orElse(Double.NaN);
            }
        }
        return fallback;
    }

    private static boolean metres(WktElement projected) {
        return projected.child("UNIT").flatMap(unit -> unit.number(1))
                .map(factor -> Math.abs(factor - 1.0) < 1e-12)
                .orElse(true);
    }

    private static boolean isWgs84(WktElement geographic) {
        String datum = geographic.child("DATUM", "GEODETICDATUM", "TRF", "ENSEMBLE").map(WktElement::name).map(WktCrsRecognizer::normalised).orElse("");
        boolean wgs84Datum = datum.equals("DWGS1984") || datum.equals("WGS1984") || datum.equals("WGS84")
                || datum.startsWith("WORLDGEODETICSYSTEM1984"); // WKT 2 may say "... ensemble"
        double primeMeridian = geographic.child("PRIMEM", "PRIMEMERIDIAN").flatMap(p -> p.number(1)).orElse(0.0);
        return wgs84Datum && Math.abs(primeMeridian) < 1e-12;
    }

    // "WGS_1984", "WGS 1984" and "wgs1984" all mean the same to the tools that write .prj files.
    private static String normalised(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static IllegalArgumentException unsupported(WktElement root) {
        return new IllegalArgumentException("unsupported CRS \"" + root.name() + "\" (" + root.keyword()
                + "); " + SUPPORTED);
    }
}
