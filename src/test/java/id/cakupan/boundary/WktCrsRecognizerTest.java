package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** .prj and GeoPackage WKT texts as real tools write them. */
class WktCrsRecognizerTest {

    private static final String ESRI_GCS = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
            + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    @Test
    void esriUtm48sByParameters() {
        String prj = "PROJCS[\"WGS_1984_UTM_Zone_48S\"," + ESRI_GCS + ",PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",10000000.0],"
                + "PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",0.9996],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

        assertEquals("EPSG:32748", WktCrsRecognizer.recognise(prj).code());
    }

    @Test
    void utmParametersDecideEvenUnderAnOddName() {
        String prj = "PROJCS[\"my_projection\"," + ESRI_GCS + ",PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\",500000],PARAMETER[\"False_Northing\",0],"
                + "PARAMETER[\"Central_Meridian\",111],PARAMETER[\"Scale_Factor\",0.9996],"
                + "PARAMETER[\"Latitude_Of_Origin\",0],UNIT[\"Meter\",1]]";

        assertEquals("EPSG:32649", WktCrsRecognizer.recognise(prj).code());
    }

    @Test
    void utmByNameWhenThereAreNoParameters() {
        String prj = "PROJCS[\"WGS 84 / UTM zone 48S\"," + ESRI_GCS + "]";

        assertEquals("EPSG:32748", WktCrsRecognizer.recognise(prj).code());
    }

    @Test
    void ogcWktTrustsTheRootAuthority() {
        String wkt = "PROJCS[\"WGS 84 / UTM zone 48S\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
                + "6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
                + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
                + "AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",105],"
                + "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],"
                + "PARAMETER[\"false_northing\",10000000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"32748\"]]";

        assertEquals("EPSG:32748", WktCrsRecognizer.recognise(wkt).code());
    }

    @Test
    void wkt2WithId() {
        String wkt = "GEOGCRS[\"WGS 84\",ENSEMBLE[\"World Geodetic System 1984 ensemble\",MEMBER[\"World Geodetic "
                + "System 1984 (G2139)\"],ELLIPSOID[\"WGS 84\",6378137,298.257223563]],CS[ellipsoidal,2],"
                + "AXIS[\"geodetic latitude (Lat)\",north],AXIS[\"geodetic longitude (Lon)\",east],"
                + "ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",4326]]";

        assertEquals(Crs.WGS84, WktCrsRecognizer.recognise(wkt));
    }

    @Test
    void esriGeographicWgs84() {
        assertEquals(Crs.WGS84, WktCrsRecognizer.recognise(ESRI_GCS));
    }

    @Test
    void otherDatumsAreNamedInTheRefusal() {
        String batavia = "GEOGCS[\"GCS_Batavia\",DATUM[\"D_Batavia\",SPHEROID[\"Bessel_1841\",6377397.155,"
                + "299.1528128]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WktCrsRecognizer.recognise(batavia));

        assertTrue(e.getMessage().startsWith("unsupported CRS \"GCS_Batavia\" (GEOGCS); supported are"), e.getMessage());
    }

    @Test
    void lambertIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WktCrsRecognizer.recognise(TestShapefiles.LAMBERT_PRJ));

        assertTrue(e.getMessage().contains("\"Indonesia_Lambert_Conformal_Conic\" (PROJCS)"), e.getMessage());
    }

    @Test
    void malformedWktIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WktCrsRecognizer.recognise("PROJCS[\"x\",GEOGCS["));

        assertTrue(e.getMessage().startsWith("malformed WKT"), e.getMessage());
    }
}
