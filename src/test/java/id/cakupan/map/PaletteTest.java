package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTest {

    private static final List<Palette> PALETTES = List.of(Palette.SEQUENTIAL_GOOD, Palette.SEQUENTIAL_BAD);

    @Test
    void everyKGivesKValidDistinctColours() {
        for (Palette p : PALETTES) {
            for (int k = 1; k <= 9; k++) {
                List<String> colors = p.colors(k);
                assertEquals(k, colors.size(), p.name() + " k=" + k);
                for (String c : colors) {
                    assertTrue(c.matches("#[0-9a-f]{6}"), c);
                }
                assertEquals(k, new HashSet<>(colors).size(), p.name() + " k=" + k + " " + colors);
                assertFalse(colors.contains(Palette.NO_DATA));
            }
        }
    }

    @Test
    void lightnessFallsStrictlyFromLightToDark() {
        for (Palette p : PALETTES) {
            for (int k = 2; k <= 9; k++) {
                List<String> colors = p.colors(k);
                double previous = Double.POSITIVE_INFINITY;
                for (String c : colors) {
                    double l = lightness(c);
                    assertTrue(l < previous, p.name() + " k=" + k + " " + colors);
                    previous = l;
                }
                // the ramp spans light to dark, so classes stay apart even in greyscale
                assertTrue(lightness(colors.get(0)) - lightness(colors.get(k - 1)) > 60, p.name());
            }
        }
    }

    @Test
    void lightnessStepsAreEven() {
        for (Palette p : PALETTES) {
            List<String> colors = p.colors(9);
            double first = lightness(colors.get(0)) - lightness(colors.get(1));
            for (int i = 1; i < 8; i++) {
                double step = lightness(colors.get(i)) - lightness(colors.get(i + 1));
                assertEquals(first, step, 1.0, p.name() + " step " + i);
            }
        }
    }

    @Test
    void noDataIsANeutralGrey() {
        assertTrue(Palette.NO_DATA.matches("#[0-9a-f]{6}"));
        int rgb = Integer.parseInt(Palette.NO_DATA.substring(1), 16);
        assertEquals((rgb >> 16) & 0xff, rgb & 0xff);
        assertEquals((rgb >> 8) & 0xff, rgb & 0xff);
    }

    @Test
    void rejectsBadRequestsAndBadAnchors() {
        assertThrows(IllegalArgumentException.class, () -> Palette.SEQUENTIAL_GOOD.colors(0));
        assertThrows(IllegalArgumentException.class, () -> Palette.SEQUENTIAL_GOOD.colors(10));
        assertThrows(IllegalArgumentException.class, () -> new Palette("x", List.of("#000000", "#ffffff")));
        assertThrows(IllegalArgumentException.class, () -> new Palette("x", List.of("#ffffff")));
        assertThrows(IllegalArgumentException.class, () -> new Palette("x", List.of("#fff", "#000000")));
    }

    /** CIE L* of an sRGB colour, computed here independently of the palette code. */
    private static double lightness(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = linear((rgb >> 16) & 0xff);
        double g = linear((rgb >> 8) & 0xff);
        double b = linear(rgb & 0xff);
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b; // relative luminance, Yn = 1
        return y > 216.0 / 24389 ? 116 * Math.cbrt(y) - 16 : y * 24389.0 / 27;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
