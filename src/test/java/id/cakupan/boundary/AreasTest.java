package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class AreasTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void oneDegreeCellNearTheEquatorIsAbout12300Km2() {
        // The ellipsoidal area of the cell 105–106 E, 0–1 S is 12,308.5 km²; UTM distortion there is below 0.1%.
        Polygon cell = square(105.0, -1.0, 1.0);

        assertEquals(12_308.5, Areas.areaKm2(cell), 12.3);
    }

    @Test
    void areaDoesNotDependOnRingOrientation() {
        Polygon cell = square(106.8, -6.2, 0.01);

        assertEquals(Areas.areaKm2(cell), Areas.areaKm2(cell.reverse()), 1e-12);
    }

    @Test
    void emptyGeometryHasNoArea() {
        assertEquals(0.0, Areas.areaKm2(factory.createMultiPolygon()));
    }

    @Test
    void inputIsNotModified() {
        Polygon cell = square(106.8, -6.2, 0.01);
        Polygon before = (Polygon) cell.copy();

        Areas.areaKm2(cell);

        assertEquals(before, cell);
    }

    private Polygon square(double x, double y, double side) {
        return factory.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
                new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
    }
}
