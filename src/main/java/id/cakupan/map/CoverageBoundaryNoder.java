package id.cakupan.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.Noder;
import org.locationtech.jts.noding.SegmentString;

/**
 * The noder of a coverage dissolve: the rings of polygons that form a coverage meet only along
 * shared edges, vertex for vertex, so nothing needs splitting; a segment that occurs an even
 * number of times (once in each of two neighbours) lies inside the union and is dropped, one that
 * occurs an odd number of times is on its boundary and kept (its last occurrence). What is
 * returned is, per input string, each run of consecutive kept segments, carrying the string's data.
 *
 * <p>The rule is that of JTS's {@code BoundaryChainNoder}, which {@code CoverageUnion} uses; that
 * one finds equal segments through a {@code HashSet} of segment objects, and at national scale
 * (22.7 M kelurahan segments, then the kecamatan and kota outlines) those set operations were over
 * half of start-up's CPU. Here segments are found in an open-addressing table of segment numbers.
 */
final class CoverageBoundaryNoder implements Noder {
  private List<SegmentString> runs = List.of();

  @Override
  public void computeNodes(@SuppressWarnings("rawtypes") Collection strings) {
    List<SegmentString> in = new ArrayList<>(strings.size());
    for (Object s : strings) in.add((SegmentString) s);
    Coordinate[][] points = new Coordinate[in.size()][];
    int[] firstSegment = new int[in.size() + 1];
    int total = 0;
    for (int s = 0; s < in.size(); s++) {
      points[s] = in.get(s).getCoordinates();
      firstSegment[s] = total;
      total += Math.max(0, points[s].length - 1);
    }
    firstSegment[in.size()] = total;
    int[] owner = new int[total];
    for (int s = 0; s < in.size(); s++) Arrays.fill(owner, firstSegment[s], firstSegment[s + 1], s);

    // At most half full: a probe ends at an empty slot after a few steps.
    int capacity = Integer.highestOneBit(Math.max(2, total) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] latest = new int[capacity]; // the last occurrence (segment number) of the segment in this slot, or -1
    int[] hashes = new int[capacity]; // its hash: points are compared only when the hashes agree
    boolean[] odd = new boolean[capacity];
    Arrays.fill(latest, -1);
    for (int g = 0; g < total; g++) {
      Coordinate a = start(points, owner, firstSegment, g);
      Coordinate b = end(points, owner, firstSegment, g);
      long h = mix(a) + mix(b); // the same either way round: a neighbour walks the edge the other way
      int hash = (int) (h ^ (h >>> 32));
      int slot = hash & mask;
      while (latest[slot] >= 0
          && (hashes[slot] != hash || !sameSegment(a, b, points, owner, firstSegment, latest[slot]))) {
        slot = (slot + 1) & mask;
      }
      latest[slot] = g;
      hashes[slot] = hash;
      odd[slot] = !odd[slot];
    }
    boolean[] kept = new boolean[total];
    for (int slot = 0; slot < capacity; slot++) {
      if (latest[slot] >= 0 && odd[slot]) kept[latest[slot]] = true;
    }

    List<SegmentString> out = new ArrayList<>();
    for (int s = 0; s < in.size(); s++) {
      int base = firstSegment[s];
      int segments = firstSegment[s + 1] - base;
      for (int i = 0; i < segments; ) {
        if (!kept[base + i]) {
          i++;
          continue;
        }
        int from = i;
        while (i < segments && kept[base + i]) i++;
        // segments from..i-1 are the points from..i
        out.add(new BasicSegmentString(Arrays.copyOfRange(points[s], from, i + 1), in.get(s).getData()));
      }
    }
    runs = out;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Collection getNodedSubstrings() {
    return runs;
  }

  private static Coordinate start(Coordinate[][] points, int[] owner, int[] firstSegment, int g) {
    int s = owner[g];
    return points[s][g - firstSegment[s]];
  }

  private static Coordinate end(Coordinate[][] points, int[] owner, int[] firstSegment, int g) {
    int s = owner[g];
    return points[s][g - firstSegment[s] + 1];
  }

  private static boolean sameSegment(Coordinate a, Coordinate b, Coordinate[][] points, int[] owner,
      int[] firstSegment, int other) {
    Coordinate c = start(points, owner, firstSegment, other);
    Coordinate d = end(points, owner, firstSegment, other);
    return a.equals2D(c) && b.equals2D(d) || a.equals2D(d) && b.equals2D(c);
  }

  /** A well-spread hash of a point; 0.0 and -0.0 are the same coordinate, as {@link Coordinate#equals2D} has it. */
  private static long mix(Coordinate c) {
    long h = Double.doubleToLongBits(c.x == 0 ? 0.0 : c.x) * 0x9E3779B97F4A7C15L
        + Double.doubleToLongBits(c.y == 0 ? 0.0 : c.y);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
