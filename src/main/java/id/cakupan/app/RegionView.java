package id.cakupan.app;

import id.cakupan.boundary.Region;
import id.cakupan.map.Atlas;
import id.cakupan.map.GeoJsonGeometryWriter;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.tiles.TileLevels;
import java.util.ArrayList;
import java.util.List;

/**
 * What the map page needs to frame the area served: its name, the box of its main area, the
 * levels worth offering and the outlying parts shown apart.
 *
 * @param bbox {@code [minLon, minLat, maxLon, maxLat]} of the main area (outlying parts left out)
 * @param levels kota only where there is more than one kota to compare, provinsi where there is more than one provinsi
 * @param national whether vector tiles draw coarser levels at low zooms ({@link TileLevels}): the
 *     map page then draws them from tiles instead of loading every kelurahan as GeoJSON
 */
public record RegionView(String key, String name, double[] bbox, List<Level> levels, List<Part> outlying,
    boolean national) {
  /** A kota drawn apart from the main area, e.g. Kepulauan Seribu. */
  public record Part(String code, String name, double[] bbox) {}

  public static RegionView of(Region region, Atlas atlas) {
    List<MapUnit> kota = atlas.geography().units(Level.KOTA);
    List<Part> outlying = new ArrayList<>();
    double[] main = null;
    for (MapUnit u : kota) {
      double[] box = GeoJsonGeometryWriter.bbox(u.geometry());
      if (box.length == 0) continue;
      // Only apart when something else remains to be the main area.
      if (region.outlying().contains(u.code()) && kota.size() > 1) outlying.add(new Part(u.code(), u.name(), box));
      else main = union(main, box);
    }
    String name = kota.size() == 1 ? kota.get(0).name() : region.displayName();
    List<Level> levels = new ArrayList<>(List.of(Level.KELURAHAN, Level.KECAMATAN));
    if (kota.size() > 1) levels.add(Level.KOTA);
    if (atlas.geography().units(Level.PROVINSI).size() > 1) levels.add(Level.PROVINSI);
    return new RegionView(region.key(), name, main == null ? new double[0] : main, List.copyOf(levels),
        List.copyOf(outlying), TileLevels.national(atlas.geography()));
  }

  private static double[] union(double[] a, double[] b) {
    if (a == null) return b.clone();
    return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
  }
}
