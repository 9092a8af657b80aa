package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.proj4j.ProjCoordinate;

class CrsTest {

    @ParameterizedTest
    @CsvSource({
        "urn:ogc:def:crs:OGC:1.3:CRS84, OGC:CRS84",
        "urn:ogc:def:crs:OGC::CRS84, OGC:CRS84",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84, OGC:CRS84",
        "EPSG:4326, EPSG:4326",
        "urn:ogc:def:crs:EPSG::4326, EPSG:4326",
        "urn:ogc:def:crs:EPSG:6.6:32748, EPSG:32748",
        "epsg:32748, EPSG:32748",
        "http://www.opengis.net/def/crs/EPSG/0/32748, EPSG:32748",
    })
    void namesAsFilesWriteThem(String name, String code) {
        assertEquals(code, Crs.fromName(name).code());
    }

    @Test
    void unknownNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Crs.fromName("Lambert Indonesia"));
        assertThrows(IllegalArgumentException.class, () -> Crs.fromName("EPSG:999999"));
    }

    @Test
    void lonLatNeedsNoTransform() {
        assertTrue(Crs.CRS84.isWgs84LonLat());
        assertTrue(Crs.epsg(4326).isWgs84LonLat());
        assertFalse(Crs.epsg(32748).isWgs84LonLat());
    }

    @Test
    void utmZoneOfJakartaIs48South() {
        assertEquals("EPSG:32748", Crs.utmZoneOf(106.85, -6.15).code());
        assertEquals("EPSG:32650", Crs.utmZoneOf(117.0, 1.0).code());
        assertEquals("EPSG:32601", Crs.utmZoneOf(-180.0, 0.0).code());
        assertEquals("EPSG:32660", Crs.utmZoneOf(180.0, 0.0).code());
    }

    @Test
    void transformToWgs84GivesLongitudeFirst() {
        ProjCoordinate lonLat = Crs.epsg(32748).transformToWgs84()
                .transform(new ProjCoordinate(700000, 9320000), new ProjCoordinate());

        // Reference values from PROJ cs2cs.
        assertEquals(106.807385283, lonLat.x, 1e-7);
        assertEquals(-6.148879096, lonLat.y, 1e-7);
    }
}
