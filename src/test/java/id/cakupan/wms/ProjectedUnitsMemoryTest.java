package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import id.cakupan.bench.TileBenchmark;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.Reprojection;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.map.Atlas;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.Geography;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.ResponseCache;
import id.cakupan.map.StyledLayer;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The WMS keeps no projected copy of a level per atlas: what it keeps for every level in every CRS
 * is bounded by the number of units, not their vertices, while its images and identify answers
 * are exactly those drawn from a projected copy (as it kept before).
 */
class ProjectedUnitsMemoryTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  /**
   * Bytes per unit that what is kept for one level in one CRS may hold: its envelope in the index
   * and its stretch (about 150 bytes together), never its vertices.
   */
  static final long BYTES_PER_UNIT = 600;

  /** Each unit projected whole once, as the WMS kept them before: the reference to draw against. */
  private static final class ProjectedCopy implements UnitShapes {
    private final List<MapUnit> units;
    private final Geometry[] geometry;
    private final STRtree index = new STRtree();

    ProjectedCopy(Atlas atlas, Level level, WmsCrs crs) {
      units = atlas.geography().units(level);
      geometry = new Geometry[units.size()];
      for (int i = 0; i < units.size(); i++) {
        Geometry g = units.get(i).geometry();
        geometry[i] = crs.geographic() ? g : Reprojection.fromWgs84(g, crs.crs());
        index.insert(geometry[i].getEnvelopeInternal(), i);
      }
      index.build();
    }

    @Override
    public List<MapUnit> units() {
      return units;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int[] within(Envelope window) {
      List<Integer> hits = index.query(window);
      return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Override
    public Path2D.Double[] pixelPaths(int[] positions, AffineTransform toPixels) {
      Path2D.Double[] out = new Path2D.Double[positions.length];
      for (int k = 0; k < positions.length; k++) out[k] = MapImage.pixelPath(geometry[positions[k]], toPixels);
      return out;
    }

    @Override
    public Geometry geometry(int position) {
      return geometry[position];
    }

    List<Integer> at(Coordinate c) {
      List<Integer> out = new ArrayList<>();
      for (int i : within(new Envelope(c))) {
        if (new IndexedPointInAreaLocator(geometry[i]).locate(c) != Location.EXTERIOR) out.add(i);
      }
      return out;
    }
  }

  @Test
  void jakartaUtaraIsDrawnAndIdentifiedAsFromAProjectedCopyInEveryCrsAndLevel() throws Exception {
    Atlas atlas = server.app.layers().atlas();
    Period period = WmsTime.NEWEST.resolve(atlas);
    Envelope city = new Envelope();
    for (MapUnit u : atlas.geography().units(Level.KELURAHAN)) city.expandToInclude(u.geometry().getEnvelopeInternal());
    int images = 0;
    for (WmsCrs crs : WmsCrs.values()) {
      Envelope extent = ProjectedUnits.extentIn(city, crs);
      for (Level level : WmsLayer.LEVELS) {
        StyledLayer styled = ChoroplethLayer.style(atlas,
            new WmsLayer(level, Sector.BPU, Metric.UNCOVERED).query(WmsStyle.DEFAULT, period));
        ProjectedUnits lazy = new ProjectedUnits(atlas.geography(), level, crs);
        ProjectedCopy copy = new ProjectedCopy(atlas, level, crs);
        // The whole city, a zoom on one unit (labelled), a window over the city's edge, and a
        // wide one where the city is a few dozen pixels (most vertices passed over unprojected).
        Envelope one = copy.geometry(copy.units().size() / 2).getEnvelopeInternal();
        Envelope edge = new Envelope(extent.getMinX() - extent.getWidth() / 2, extent.centre().x,
            extent.getMinY() - extent.getHeight() / 3, extent.centre().y);
        Envelope wide = new Envelope(extent);
        wide.expandBy(extent.getWidth() * 8, extent.getHeight() * 8);
        for (Envelope world : List.of(extent, one, edge, wide)) {
          MapWindow window = new MapWindow(world, 640, 400);
          boolean labels = world == one;
          byte[] expected = MapImage.png(List.of(new MapImage.Drawing(styled, copy)), window, false, Color.WHITE, labels);
          byte[] actual = MapImage.png(List.of(new MapImage.Drawing(styled, lazy)), window, false, Color.WHITE, labels);
          assertArrayEquals(expected, actual, crs.code() + " " + level + " " + world);
          images++;
        }
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(MapImage.png(
            List.of(new MapImage.Drawing(styled, lazy)), new MapWindow(extent, 640, 400), false, Color.WHITE, false)));
        assertTrue(colours(drawn) > 3, "the city is drawn in " + crs.code() + " " + level);

        // GetFeatureInfo: the units under each pixel of a coarse grid over the city.
        MapWindow window = new MapWindow(extent, 40, 25);
        int hits = 0;
        for (int i = 0; i < window.width(); i++) {
          for (int j = 0; j < window.height(); j++) {
            Coordinate c = window.centreOfPixel(i, j);
            List<Integer> found = lazy.at(c);
            assertEquals(copy.at(c), found, crs.code() + " " + level + " at " + c);
            hits += found.size();
          }
        }
        assertTrue(hits > 100, hits + " pixels on a unit in " + crs.code() + " " + level);
      }
    }
    assertEquals(WmsCrs.values().length * WmsLayer.LEVELS.size() * 4, images);
  }

  @Test
  void everyLevelInEveryCrsOfALargeSetKeepsFarLessThanACopy() throws Exception {
    BoundarySet set = TileBenchmark.replicate(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.DKI_GEOJSON)), 2500);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : set.kelurahan()) areas.put(k.code(), k.areaKm2());
    Geography geography = new Geography(set);
    Atlas atlas = new Atlas(set, geography,
        new CoverageTable(SyntheticCoverage.generate(areas, Period.of(2026, 10), 1, 7L)), true);
    Envelope country = new Envelope();
    long vertices = 0;
    for (MapUnit u : geography.units(Level.KELURAHAN)) {
      country.expandToInclude(u.geometry().getEnvelopeInternal());
      vertices += u.geometry().getNumPoints();
    }
    // Every lazily built part of the atlas, and the classes and CRS definitions, first: a GetMap
    // of each level in each CRS through a service dropped before the measure.
    getMaps(new WmsService(new Layers(atlas, new ResponseCache(0))), country);
    long atlasAlone = heldHeap();

    // No finished image is kept (budget 0): what stays is what the WMS derives from the atlas.
    Layers layers = new Layers(atlas, new ResponseCache(0));
    getMaps(new WmsService(layers), country);
    long budget = 0;
    Set<String> spaces = new HashSet<>();
    for (WmsCrs crs : WmsCrs.values()) {
      for (Level level : WmsLayer.LEVELS) {
        if (spaces.add(level + (crs.geographic() ? "lon-lat" : crs.code()))) {
          budget += BYTES_PER_UNIT * ProjectedUnits.of(layers.snapshot(), level, crs).units().size();
        }
      }
    }
    long held = heldHeap() - atlasAlone;
    assertTrue(held <= budget, "after a GetMap of each level in each CRS the WMS holds " + held + " bytes for "
        + spaces.size() + " pairs of level and space, " + geography.units(Level.KELURAHAN).size() + " kelurahan; budget "
        + budget);

    // The test can fail: the copy of one level in one CRS kept before is over the budget of all of them.
    ProjectedCopy copy = new ProjectedCopy(atlas, Level.KELURAHAN, WmsCrs.EPSG_3857);
    long oneCopy = heldHeap() - atlasAlone - held;
    assertTrue(oneCopy > budget, "a projected copy of " + vertices + " vertices holds " + oneCopy
        + " bytes, budget " + budget);
    assertEquals(geography.units(Level.KELURAHAN).size(), copy.units().size());
    assertEquals(layers.atlas(), atlas); // both stay reachable until the last measure
  }

  /** A GetMap of the whole set for each level in each CRS: each drawn, none cached. */
  private static void getMaps(WmsService wms, Envelope country) throws Exception {
    for (WmsCrs crs : WmsCrs.values()) {
      for (Level level : WmsLayer.LEVELS) {
        MapRequest r = new MapRequest(List.of(new WmsLayer(level, Sector.BPU, Metric.COVERAGE_RATE)),
            List.of(WmsStyle.DEFAULT), crs, ProjectedUnits.extentIn(country, crs), 512, 256, WmsTime.NEWEST, false,
            Color.WHITE, false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(wms.map(r).body()));
        assertEquals(512, image.getWidth());
        assertTrue(colours(image) > 3, "the country is drawn in " + crs.code() + " " + level);
      }
    }
  }

  /** Heap in use after full collections: what stays reachable. */
  private static long heldHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Distinct colours in an image, to tell a drawn map from a blank one. */
  static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 4) {
      for (int y = 0; y < image.getHeight(); y += 4) seen.add(image.getRGB(x, y));
    }
    return seen.size();
  }
}
