package id.cakupan.boundary;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.Proj4jException;

/**
 * A coordinate reference system as a file declares it, and the way from it to WGS 84 lon/lat.
 *
 * <p>Axis order: EPSG:4326 is treated as lon/lat (x = longitude). That is what GeoJSON files
 * carrying a legacy EPSG:4326 member, GeoPackages and shapefiles store in practice, whatever
 * the EPSG registry says about axis order.
 */
public final class Crs {

    public static final Crs WGS84 = new Crs("EPSG:4326");
    /** The RFC 7946 default: WGS 84 with longitude first. */
    public static final Crs CRS84 = new Crs("OGC:CRS84");

    private static final CRSFactory FACTORY = new CRSFactory();
    // Building a proj4j CRS scans the EPSG resource file, so each is made once.
    private static final Map<String, CoordinateReferenceSystem> PROJ4J_CACHE =
            new ConcurrentHashMap<>();

    private static final Pattern CRS84_NAME = Pattern.compile(
            "(?i)^(?:urn:ogc:def:crs:ogc:[^:]*:|ogc:|https?://www\\.opengis\\.net/def/crs/ogc/[^/]*/)?crs84$");
    private static final Pattern EPSG_NAME = Pattern.compile(
            "(?i)^(?:urn:ogc:def:crs:epsg:[^:]*:|epsg:{1,2}|https?://www\\.opengis\\.net/def/crs/epsg/[^/]*/)(\\d+)$");

    private final String code;

    private Crs(String code) {
        this.code = code;
    }

    /**
     * An EPSG CRS by number.
     *
     * @throws IllegalArgumentException if proj4j does not know the code
     */
    public static Crs epsg(int number) {
        if (number == 4326) {
            return WGS84;
        }
        Crs crs = new Crs("EPSG:" + number);
        crs.proj4j(); // fail now, while the caller still knows which file declared it
        return crs;
    }

    /**
     * A CRS from a name as GeoJSON and OGC services write it: {@code EPSG:32748},
     * {@code urn:ogc:def:crs:EPSG::32748}, {@code urn:ogc:def:crs:OGC:1.3:CRS84},
     * {@code http://www.opengis.net/def/crs/EPSG/0/4326} and the like.
     *
     * @throws IllegalArgumentException if the name is not recognised or not known to proj4j
     */
    public static Crs fromName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (CRS84_NAME.matcher(trimmed).matches()) {
            return CRS84;
        }
        Matcher epsg = EPSG_NAME.matcher(trimmed);
        if (epsg.matches()) {
            try {
                return epsg(Integer.parseInt(epsg.group(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("CRS \"" + trimmed + "\" has an EPSG code that is out of range");
            }
        }
        throw new IllegalArgumentException("CRS name \"" + trimmed + "\" is not recognised; "
                + "use an EPSG code such as \"EPSG:32748\" or \"urn:ogc:def:crs:OGC:1.3:CRS84\"");
    }

    /** The WGS 84 UTM zone holding a lon/lat position: EPSG:326nn north of the equator, 327nn south. */
    public static Crs utmZoneOf(double longitude, double latitude) {
        int zone = (int) Math.floor((longitude + 180.0) / 6.0) + 1;
        zone = Math.max(1, Math.min(60, zone));
        return epsg((latitude < 0 ? 32700 : 32600) + zone);
    }

    /** The name in the form the service reports it, e.g. {@code EPSG:32748} or {@code OGC:CRS84}. */
    public String code() {
        return code;
    }

    /** True when coordinates are already WGS 84 longitude/latitude and need no transform. */
    public boolean isWgs84LonLat() {
        return this == WGS84 || this == CRS84 || code.equals(WGS84.code) || code.equals(CRS84.code);
    }

    /** The proj4j definition; CRS84 maps to EPSG:4326, which proj4j always treats as lon/lat. */
    public CoordinateReferenceSystem proj4j() {
        String proj4jName = code.equals(CRS84.code) ? WGS84.code : code;
        return PROJ4J_CACHE.computeIfAbsent(proj4jName, Crs::createProj4j);
    }

    /** A fresh transform to WGS 84 lon/lat; proj4j transforms keep state, so do not share one between threads. */
    public CoordinateTransform transformToWgs84() {
        return new BasicCoordinateTransform(proj4j(), WGS84.proj4j());
    }

    /** A fresh transform from WGS 84 lon/lat into this CRS. */
    public CoordinateTransform transformFromWgs84() {
        return new BasicCoordinateTransform(WGS84.proj4j(), proj4j());
    }

    private static CoordinateReferenceSystem createProj4j(String name) {
        try {
            CoordinateReferenceSystem crs = FACTORY.createFromName(name);
            if (crs == null) {
                throw new IllegalArgumentException(name + " is not a CRS that proj4j knows");
            }
            return crs;
        } catch (Proj4jException e) {
            throw new IllegalArgumentException(name + " is not a CRS that proj4j knows", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Crs crs && crs.code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
