package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassMethodTest {

    @Test
    void parsesTheApiSpellingsCaseInsensitively() {
        assertEquals(ClassMethod.QUANTILE, ClassMethod.parse("quantile"));
        assertEquals(ClassMethod.QUANTILE, ClassMethod.parse("Quantile"));
        assertEquals(ClassMethod.EQUAL_INTERVAL, ClassMethod.parse("EQUAL_INTERVAL"));
        assertEquals(ClassMethod.JENKS, ClassMethod.parse(" jenks "));
        assertEquals(ClassMethod.MANUAL, ClassMethod.parse("Manual"));
        assertEquals("equal_interval", ClassMethod.EQUAL_INTERVAL.key());
    }

    @Test
    void rejectsAnythingElseListingTheAcceptedValues() {
        for (String bad : new String[] {"natural", "equal-interval", "", null}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ClassMethod.parse(bad));
            assertTrue(e.getMessage().contains("quantile, equal_interval, jenks, manual"), e.getMessage());
        }
    }
}
