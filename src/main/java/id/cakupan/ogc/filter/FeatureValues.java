package id.cakupan.ogc.filter;

/**
 * The queryable values of one feature, as a filter sees them: a {@link String}, a {@link Number},
 * a {@link java.time.LocalDate}, a JTS {@link org.locationtech.jts.geom.Geometry}, or null.
 */
@FunctionalInterface
public interface FeatureValues {
  Object value(String property);
}
