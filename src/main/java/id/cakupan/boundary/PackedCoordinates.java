package id.cakupan.boundary;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFactory;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A lon/lat coordinate sequence stored as one {@code double[]} of x, y pairs: 16 bytes a vertex
 * instead of the ~48 of a {@link Coordinate} object and its reference. At national scale (83,800
 * kelurahan, 23 M vertices, their kecamatan and kota outlines) that is the difference between
 * about 1.5 GB and 0.5 GB of boundaries.
 *
 * <p>Unlike JTS's own {@code PackedCoordinateSequence}, it keeps no soft-referenced
 * {@code Coordinate[]} after {@link #toCoordinateArray}: such caches fill the heap back up with
 * the objects packing saved (they go only when the collector is pressed) and make heap figures
 * meaningless. Algorithms that want objects get a fresh array each time.
 */
public final class PackedCoordinates implements CoordinateSequence {
  /** Builds geometries whose sequences are packed; its precision model and SRID are JTS's defaults (floating, 0). */
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 0, new Factory());

  private final double[] xy;

  private PackedCoordinates(double[] xy) {
    this.xy = xy;
  }

  /** The same geometry with every sequence packed (returned as is when it already is). */
  @SuppressWarnings("unchecked")
  public static <G extends Geometry> G pack(G geometry) {
    if (geometry == null || geometry.getFactory() == FACTORY) return geometry;
    Geometry packed = FACTORY.createGeometry(geometry); // a copy made through the factory's sequences
    packed.setSRID(geometry.getSRID());
    packed.setUserData(geometry.getUserData());
    return (G) packed;
  }

  /**
   * A sequence over {@code xy} (x, y pairs, taken as is, not copied): for readers that decode
   * coordinates straight into an array, e.g. WKB from a store.
   */
  public static PackedCoordinates of(double[] xy) {
    if (xy.length % 2 != 0) throw new IllegalArgumentException("x, y pairs expected, got " + xy.length + " ordinates");
    return new PackedCoordinates(xy);
  }

  @Override
  public int getDimension() {
    return 2;
  }

  @Override
  public int getMeasures() {
    return 0;
  }

  @Override
  public Coordinate getCoordinate(int i) {
    return new Coordinate(xy[2 * i], xy[2 * i + 1]);
  }

  @Override
  public Coordinate getCoordinateCopy(int i) {
    return getCoordinate(i);
  }

  @Override
  public void getCoordinate(int index, Coordinate coord) {
    coord.setX(xy[2 * index]);
    coord.setY(xy[2 * index + 1]);
  }

  @Override
  public double getX(int index) {
    return xy[2 * index];
  }

  @Override
  public double getY(int index) {
    return xy[2 * index + 1];
  }

  @Override
  public double getOrdinate(int index, int ordinateIndex) {
    return ordinateIndex < 2 ? xy[2 * index + ordinateIndex] : Double.NaN;
  }

  @Override
  public int size() {
    return xy.length / 2;
  }

  @Override
  public void setOrdinate(int index, int ordinateIndex, double value) {
    if (ordinateIndex < 2) xy[2 * index + ordinateIndex] = value;
  }

  @Override
  public Coordinate[] toCoordinateArray() {
    Coordinate[] out = new Coordinate[size()];
    for (int i = 0; i < out.length; i++) out[i] = getCoordinate(i);
    return out;
  }

  @Override
  public Envelope expandEnvelope(Envelope env) {
    for (int i = 0; i < xy.length; i += 2) env.expandToInclude(xy[i], xy[i + 1]);
    return env;
  }

  @Override
  @Deprecated
  public Object clone() {
    return copy();
  }

  @Override
  public PackedCoordinates copy() {
    return new PackedCoordinates(xy.clone());
  }

  @Override
  public String toString() {
    return "PackedCoordinates" + Arrays.toString(xy);
  }

  /** Makes packed sequences; only x and y are kept (the service's geometry is 2-D lon/lat). */
  static final class Factory implements CoordinateSequenceFactory {
    @Override
    public CoordinateSequence create(Coordinate[] coordinates) {
      if (coordinates == null) return new PackedCoordinates(new double[0]);
      double[] xy = new double[2 * coordinates.length];
      for (int i = 0; i < coordinates.length; i++) {
        xy[2 * i] = coordinates[i].x;
        xy[2 * i + 1] = coordinates[i].y;
      }
      return new PackedCoordinates(xy);
    }

    @Override
    public CoordinateSequence create(CoordinateSequence coords) {
      double[] xy = new double[2 * coords.size()];
      for (int i = 0; i < coords.size(); i++) {
        xy[2 * i] = coords.getX(i);
        xy[2 * i + 1] = coords.getY(i);
      }
      return new PackedCoordinates(xy);
    }

    @Override
    public CoordinateSequence create(int size, int dimension) {
      return new PackedCoordinates(new double[2 * size]);
    }

    @Override
    public CoordinateSequence create(int size, int dimension, int measures) {
      return create(size, dimension);
    }
  }
}
