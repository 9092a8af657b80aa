package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes polygonal geometry as RFC 7946 GeoJSON, the form SPEC §2 fixes for the API:
 * <ul>
 *   <li>always a {@code MultiPolygon}, so clients handle one type (a Polygon is a one-part one);</li>
 *   <li>positions {@code [x, y]}, i.e. {@code [lon, lat]} for WGS 84 input;</li>
 *   <li>at most 6 decimals (about 0.1 m), trailing zeros stripped, never exponent notation,
 *       {@code -0} written as {@code 0};</li>
 *   <li>exterior rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6), whatever the input;</li>
 *   <li>positions that coincide after rounding are merged, and a ring left with fewer than
 *       4 positions or no area is dropped (a part, when it is the exterior ring).</li>
 * </ul>
 * The input geometry is only read, never changed. Orientation is decided on the rounded
 * coordinates, so it holds for exactly what is written.
 */
public final class GeoJsonGeometryWriter {

    private static final int DECIMALS = 6;
    private static final double SCALE = 1e6;
    /** Beyond this the coordinate is surely not lon/lat, and micro-units would overflow a long. */
    private static final double MAX_ABS = 1e9;

    private GeoJsonGeometryWriter() {
    }

    /**
     * The geometry as a GeoJSON MultiPolygon object, ready for {@link JsonGenerator#writeRawValue}.
     *
     * @param g a Polygon, a MultiPolygon, or a collection of them; empty gives empty coordinates
     * @throws IllegalArgumentException for points, lines, or non-finite or huge coordinates
     */
    public static String toJson(Geometry g) {
        List<List<long[]>> parts = parts(g);
        StringBuilder out = new StringBuilder(64 + 24 * (g == null ? 0 : g.getNumPoints()));
        out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < parts.size(); p++) {
            out.append(p == 0 ? "[" : ",[");
            List<long[]> rings = parts.get(p);
            for (int r = 0; r < rings.size(); r++) {
                out.append(r == 0 ? "[" : ",[");
                long[] ring = rings.get(r);
                for (int i = 0; i < ring.length; i += 2) {
                    out.append(i == 0 ? "[" : ",[");
                    appendMicro(out, ring[i]);
                    out.append(',');
                    appendMicro(out, ring[i + 1]);
                    out.append(']');
                }
                out.append(']');
            }
            out.append(']');
        }
        return out.append("]}").toString();
    }

    /** Writes {@link #toJson} as the next value of {@code gen}. */
    public static void write(Geometry g, JsonGenerator gen) {
        try {
            gen.writeRawValue(toJson(g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code [minX, minY, maxX, maxY]} ({@code [minLon, minLat, maxLon, maxLat]}), rounded outward
     * to 6 decimals so that it still contains every written position; empty array for an empty
     * geometry.
     */
    public static double[] bbox(Geometry g) {
        if (g == null || g.isEmpty()) {
            return new double[0];
        }
        Envelope e = g.getEnvelopeInternal();
        return new double[] {
            roundTo6(e.getMinX(), RoundingMode.FLOOR), roundTo6(e.getMinY(), RoundingMode.FLOOR),
            roundTo6(e.getMaxX(), RoundingMode.CEILING), roundTo6(e.getMaxY(), RoundingMode.CEILING)
        };
    }

    /**
     * A number as this writer prints coordinates: 6 decimals at most, plain notation, no
     * {@code -0}. For writing a {@link #bbox} or a point with the same precision.
     */
    public static String formatNumber(double v) {
        StringBuilder out = new StringBuilder(16);
        appendMicro(out, toMicro(v));
        return out.toString();
    }

    private static double roundTo6(double v, RoundingMode mode) {
        checkCoordinate(v);
        return BigDecimal.valueOf(v).setScale(DECIMALS, mode).doubleValue() + 0.0; // no -0.0
    }

    // ---- geometry → rounded rings ---------------------------------------------------------

    /** Parts, each a list of rings (exterior first), each ring {@code x0,y0,x1,y1,…} in micro-units. */
    private static List<List<long[]>> parts(Geometry g) {
        List<Polygon> polygons = new ArrayList<>();
        collectPolygons(g, polygons);
        List<List<long[]>> parts = new ArrayList<>(polygons.size());
        for (Polygon polygon : polygons) {
            long[] shell = ring(polygon.getExteriorRing(), true);
            if (shell == null) {
                continue; // the whole part collapsed at 6 decimals
            }
            List<long[]> rings = new ArrayList<>(1 + polygon.getNumInteriorRing());
            rings.add(shell);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                long[] hole = ring(polygon.getInteriorRingN(h), false);
                if (hole != null) {
                    rings.add(hole);
                }
            }
            parts.add(rings);
        }
        return parts;
    }

    private static void collectPolygons(Geometry g, List<Polygon> out) {
        if (g == null || g.isEmpty()) {
            return;
        }
        if (g instanceof Polygon polygon) {
            out.add(polygon);
        } else if (g instanceof GeometryCollection collection) { // MultiPolygon is one too
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                collectPolygons(collection.getGeometryN(i), out);
            }
        } else {
            throw new IllegalArgumentException("only polygonal geometry can be written as a MultiPolygon, not "
                    + g.getGeometryType());
        }
    }

    /**
     * The ring rounded to micro-units, repeats merged, closed, and turned counter-clockwise
     * ({@code ccw}) or clockwise; null when it no longer encloses any area.
     */
    private static long[] ring(LinearRing ring, boolean ccw) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        int n = seq.size();
        long[] xy = new long[2 * (n + 1)];
        int len = 0;
        for (int i = 0; i < n; i++) {
            long x = toMicro(seq.getX(i));
            long y = toMicro(seq.getY(i));
            if (len > 0 && xy[len - 2] == x && xy[len - 1] == y) {
                continue;
            }
            xy[len++] = x;
            xy[len++] = y;
        }
        if (len > 0 && (xy[0] != xy[len - 2] || xy[1] != xy[len - 1])) {
            xy[len++] = xy[0]; // JTS rings are closed; keep that true whatever happened above
            xy[len++] = xy[1];
        }
        if (len < 8) {
            return null; // fewer than 4 positions: not a ring any more
        }
        xy = Arrays.copyOf(xy, len);
        int sign = signedAreaSign(xy);
        if (sign == 0) {
            return null; // collapsed onto a line
        }
        if ((sign > 0) != ccw) {
            reverse(xy);
        }
        return xy;
    }

    /** Sign of the shoelace sum: positive for counter-clockwise with y pointing up. Exact. */
    private static int signedAreaSign(long[] xy) {
        // Relative to the first position, so the products stay small for any real boundary.
        long x0 = xy[0];
        long y0 = xy[1];
        long sum = 0;
        try {
            for (int i = 2; i + 3 < xy.length; i += 2) {
                long ax = xy[i] - x0;
                long ay = xy[i + 1] - y0;
                long bx = xy[i + 2] - x0;
                long by = xy[i + 3] - y0;
                sum = Math.addExact(sum, Math.subtractExact(Math.multiplyExact(ax, by), Math.multiplyExact(bx, ay)));
            }
            return Long.signum(sum);
        } catch (ArithmeticException overflow) {
            BigInteger big = BigInteger.ZERO;
            for (int i = 2; i + 3 < xy.length; i += 2) {
                BigInteger ax = BigInteger.valueOf(xy[i] - x0);
                BigInteger ay = BigInteger.valueOf(xy[i + 1] - y0);
                BigInteger bx = BigInteger.valueOf(xy[i + 2] - x0);
                BigInteger by = BigInteger.valueOf(xy[i + 3] - y0);
                big = big.add(ax.multiply(by)).subtract(bx.multiply(ay));
            }
            return big.signum();
        }
    }

    /** Reverses the order of positions in place (the array is our own copy). */
    private static void reverse(long[] xy) {
        for (int i = 0, j = xy.length - 2; i < j; i += 2, j -= 2) {
            long x = xy[i];
            long y = xy[i + 1];
            xy[i] = xy[j];
            xy[i + 1] = xy[j + 1];
            xy[j] = x;
            xy[j + 1] = y;
        }
    }

    // ---- numbers --------------------------------------------------------------------------

    /** {@code v} rounded half away from zero to a whole number of millionths. */
    private static long toMicro(double v) {
        checkCoordinate(v);
        double scaled = v * SCALE;
        double fraction = Math.abs(scaled - Math.floor(scaled));
        if (Math.abs(fraction - 0.5) > 1e-6) {
            // Far from a tie, the product's rounding error cannot change the result.
            return Math.round(scaled);
        }
        // Near a tie, decide on the decimal value the double stands for (what a reader sees).
        return BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    private static void checkCoordinate(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= MAX_ABS) {
            throw new IllegalArgumentException("coordinate out of range for GeoJSON output: " + v);
        }
    }

    /** Prints millionths as a plain decimal without trailing zeros; 0 never gets a sign. */
    private static void appendMicro(StringBuilder out, long micro) {
        if (micro < 0) {
            out.append('-');
        }
        long abs = Math.abs(micro);
        out.append(abs / 1_000_000);
        long fraction = abs % 1_000_000;
        if (fraction != 0) {
            int digits = DECIMALS;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            out.append('.');
            String f = Long.toString(fraction);
            for (int pad = f.length(); pad < digits; pad++) {
                out.append('0');
            }
            out.append(f);
        }
    }
}
