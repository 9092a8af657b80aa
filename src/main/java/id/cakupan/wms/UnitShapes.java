package id.cakupan.wms;

import id.cakupan.map.MapUnit;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The units of one level as one CRS sees them: what {@link MapImage} draws from. */
public interface UnitShapes {
  /** The units, in the order of {@code Geography.units(level)}; positions below index them. */
  List<MapUnit> units();

  /** Positions of the units whose envelope in the CRS meets {@code window}, ascending. */
  int[] within(Envelope window);

  /** The outlines of the units at {@code positions} in pixels, as {@link MapImage#pixelPath} draws them. */
  Path2D.Double[] pixelPaths(int[] positions, AffineTransform toPixels);

  /** One unit in the CRS, for the few a request looks at closely (labels, a clicked point). */
  Geometry geometry(int position);
}
