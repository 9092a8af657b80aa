package id.cakupan.tiles;

/**
 * A tile of the Web Mercator XYZ grid (the "Google" scheme: y counts down from the north).
 *
 * @param z zoom, 0..{@link #MAX_ZOOM}
 * @param x column, 0..2^z-1 from the antimeridian eastwards
 * @param y row, 0..2^z-1 from about 85.05°N southwards
 */
public record TileAddress(int z, int x, int y) {
  public static final int MAX_ZOOM = 24;

  public TileAddress {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
    }
    long n = 1L << z;
    if (x < 0 || x >= n) throw new IllegalArgumentException("x " + x + " is outside 0.." + (n - 1) + " at zoom " + z);
    if (y < 0 || y >= n) throw new IllegalArgumentException("y " + y + " is outside 0.." + (n - 1) + " at zoom " + z);
  }

  /** Tiles along one axis at this zoom. */
  public long tiles() {
    return 1L << z;
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
