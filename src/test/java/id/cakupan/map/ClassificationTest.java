package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    private final Classification c = new Classification(new double[] {0, 10, 20, 30});

    @Test
    void classesAreLowerExclusiveUpperInclusiveExceptTheFirst() {
        assertEquals(3, c.classes());
        assertEquals(0, c.classOf(0.0));
        assertEquals(0, c.classOf(5.0));
        assertEquals(0, c.classOf(10.0));
        assertEquals(1, c.classOf(10.000001));
        assertEquals(1, c.classOf(20.0));
        assertEquals(2, c.classOf(20.5));
        assertEquals(2, c.classOf(30.0));
    }

    @Test
    void valuesOutsideTheBoundsGoToTheEndClasses() {
        assertEquals(0, c.classOf(-5.0));
        assertEquals(2, c.classOf(1e9));
    }

    @Test
    void nullAndNaNAreNoData() {
        assertNull(c.classOf(null));
        assertNull(c.classOf(Double.NaN));
    }

    @Test
    void emptyClassificationHasNoClasses() {
        Classification empty = Classification.empty();
        assertEquals(0, empty.classes());
        assertNull(empty.classOf(1.0));
        assertEquals(List.of(), empty.labels(String::valueOf));
        assertEquals(empty, new Classification(new double[0]));
    }

    @Test
    void singleClassOfOneValue() {
        Classification one = new Classification(new double[] {4, 4});
        assertEquals(1, one.classes());
        assertEquals(0, one.classOf(4.0));
        assertEquals(0, one.classOf(-1.0));
        assertEquals(0, one.classOf(9.0));
    }

    @Test
    void labelsUseAnEnDash() {
        assertEquals(List.of("0 – 10", "10 – 20", "20 – 30"), c.labels(v -> String.format("%.0f", v)));
    }

    @Test
    void equalityIsByValueAndTheArrayIsNotShared() {
        double[] b = {1, 2, 3};
        Classification x = new Classification(b);
        b[0] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, x.breaks());
        x.breaks()[1] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, x.breaks());

        Classification y = new Classification(new double[] {1, 2, 3});
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
        assertNotEquals(x, new Classification(new double[] {1, 2, 4}));
        assertEquals(new Classification(new double[] {-0.0, 1}), new Classification(new double[] {0.0, 1}));
    }

    @Test
    void rejectsMalformedBreaks() {
        assertThrows(IllegalArgumentException.class, () -> new Classification(null));
        assertThrows(IllegalArgumentException.class, () -> new Classification(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Classification(new double[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Classification(new double[] {0, Double.NaN}));
    }
}
