package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityStatus;
import id.cakupan.activity.ActivityType;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.SchematicBoundaries;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.targeting.Target;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A publish drops only what was built from the part of the atlas it replaced ({@link Depends}):
 * geography and coverage, targets, activities. Checked by identity: a kept response is the very
 * object built before, a dropped one is built anew.
 */
class LayersPublishTest {
  static final Period OCT = Period.of(2026, 10);
  static final BoundarySet BOUNDARIES = SchematicBoundaries.generate(Gazetteer.builtIn());
  static final KelurahanCode FIRST = BOUNDARIES.kelurahan().get(0).code();

  static Atlas atlas(long participants) {
    List<CoverageRecord> records = new ArrayList<>();
    for (var k : BOUNDARIES.kelurahan()) {
      records.add(new CoverageRecord(k.code(), OCT, Sector.BPU, k.code().equals(FIRST) ? participants : 10, 100L));
    }
    return Atlas.build(BOUNDARIES, records, false);
  }

  static Target target(long n) {
    return new Target(FIRST, Sector.BPU, Period.of(2026, 12), n, OCT, null, null);
  }

  static Activity bazar(String id) {
    return new Activity(id, ActivityType.BAZAR, ActivityStatus.SELESAI, LocalDate.of(2026, 9, 1), "Kecamatan", FIRST,
        null, null, null, null, null, null);
  }

  /** The responses of one published snapshot, one per kind of dependency. */
  record Served(CachedResponse choropleth, CachedResponse periods, CachedResponse targets, CachedResponse ranking,
      CachedResponse progress) {
    static Served by(Layers layers) {
      Layers.Snapshot s = layers.snapshot();
      LayerQuery q = new LayerQuery(Level.KELURAHAN, Sector.BPU, OCT, Metric.UNCOVERED, ClassMethod.QUANTILE, 5, null,
          null).resolve(s.atlas());
      return new Served(s.choropleth(q), layers.periods(), s.targets(null, null, null),
          s.ranking(new RankingQuery(q, RankOrder.UNCOVERED, null), null), s.progress(new ProgressQuery(q), null));
    }
  }

  @Test
  void aTargetWriteDropsWhatReadsTargetsAndKeepsTheRest() {
    Layers layers = new Layers(atlas(5), new ResponseCache(64L << 20));
    Served before = Served.by(layers);
    layers.publish(layers.atlas().withTargets(List.of(target(700))).withActivities(List.of()));
    Served after = Served.by(layers);
    assertSame(before.choropleth(), after.choropleth());
    assertSame(before.periods(), after.periods());
    assertSame(before.ranking(), after.ranking(), "the ranking reads no targets");
    assertNotSame(before.targets(), after.targets());
    assertNotSame(before.progress(), after.progress());
    assertTrue(text(after.targets()).contains("700"), text(after.targets()));
    assertTrue(text(after.progress()).contains("\"target\":700"), text(after.progress()));
  }

  @Test
  void anActivityWriteDropsWhatReadsActivitiesAndKeepsTheRest() {
    Layers layers = new Layers(atlas(5).withTargets(List.of(target(700))), new ResponseCache(64L << 20));
    Served before = Served.by(layers);
    // As the service reloads: both read again from the store, the targets equal to the published ones.
    layers.publish(layers.atlas().withTargets(List.of(target(700))).withActivities(List.of(bazar("a1"))));
    Served after = Served.by(layers);
    assertSame(before.choropleth(), after.choropleth());
    assertSame(before.periods(), after.periods());
    assertSame(before.targets(), after.targets(), "equal targets: the target list is kept");
    assertNotSame(before.ranking(), after.ranking());
    assertNotSame(before.progress(), after.progress());
  }

  @Test
  void aCoverageChangeDropsEverything() {
    Layers layers = new Layers(atlas(5).withTargets(List.of(target(700))), new ResponseCache(64L << 20));
    Served before = Served.by(layers);
    long entries = layers.cache().size();
    Atlas next = layers.atlas().withCoverage(atlas(6).coverage(), false);
    layers.publish(next);
    assertEquals(0, layers.cache().size(), "all " + entries + " entries were built from the replaced coverage");
    Served after = Served.by(layers);
    assertNotSame(before.choropleth(), after.choropleth());
    assertNotSame(before.periods(), after.periods());
    assertNotSame(before.targets(), after.targets());
    assertNotSame(before.ranking(), after.ranking());
    assertNotSame(before.progress(), after.progress());
  }

  @Test
  void aDerivedStructureOfCoverageOutlivesATargetWriteOnly() {
    Layers layers = new Layers(atlas(5), new ResponseCache(64L << 20));
    Object index = layers.snapshot().derived(Depends.COVERAGE, "index", a -> new Object());
    Object located = layers.snapshot().derived(Depends.ACTIVITIES, "located", a -> new Object());
    layers.publish(layers.atlas().withTargets(List.of(target(1))));
    assertSame(index, layers.snapshot().derived(Depends.COVERAGE, "index", a -> new Object()));
    assertNotSame(located, layers.snapshot().derived(Depends.ACTIVITIES, "located", a -> new Object()));
    layers.publish(layers.atlas().withCoverage(atlas(6).coverage(), false));
    assertNotSame(index, layers.snapshot().derived(Depends.COVERAGE, "index", a -> new Object()));
  }

  private static String text(CachedResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }
}
