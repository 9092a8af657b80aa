package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.SchematicBoundaries;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private static final long BUDGET = 1L << 20;

  @Test
  void manyDistinctLargeResponsesStayWithinTheByteBudget() {
    ResponseCache cache = new ResponseCache(BUDGET);
    long offered = 0;
    for (int i = 0; i < 300; i++) {
      CachedResponse r = cache.response(new Generations(1, 0, 0), "breaks=" + i, incompressible(40_000, i), Layers.GEOJSON);
      offered += r.bytes();
    }
    assertTrue(offered > 10 * BUDGET, "the test offers far more than the budget");
    long weight = cache.weight();
    assertTrue(weight <= BUDGET, "cached " + weight + " bytes over a budget of " + BUDGET);
    assertTrue(cache.size() > 0 && cache.size() < 300, "some, not all, kept: " + cache.size());
  }

  @Test
  void aResponseTooBigForItsShareOfTheBudgetIsServedButNotKept() {
    ResponseCache cache = new ResponseCache(BUDGET);
    AtomicInteger builds = new AtomicInteger();
    int big = (int) (BUDGET / ResponseCache.LARGEST_SHARE); // with its gzip, twice the share
    for (int i = 0; i < 2; i++) {
      CachedResponse r = cache.response(new Generations(1, 0, 0), "big", counted(builds, incompressible(big, 7)), Layers.JSON);
      assertArrayEquals(incompressible(big, 7).get(), r.body());
    }
    assertEquals(2, builds.get(), "built for each request, never cached");
    assertEquals(0, cache.weight());

    AtomicInteger smallBuilds = new AtomicInteger();
    for (int i = 0; i < 2; i++) cache.response(new Generations(1, 0, 0), "small", counted(smallBuilds, incompressible(big / 4, 7)), Layers.JSON);
    assertEquals(1, smallBuilds.get(), "a response within its share is kept");
  }

  @Test
  void concurrentIdenticalRequestsBuildOnce() throws Exception {
    ResponseCache cache = new ResponseCache(BUDGET);
    int clients = 8;
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch arrived = new CountDownLatch(clients);
    // The build holds until every client has asked: any client that builds for itself counts.
    Supplier<byte[]> slow = () -> {
      builds.incrementAndGet();
      await(arrived);
      return "{\"features\":[]}".getBytes(StandardCharsets.UTF_8);
    };
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<CachedResponse>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        answers.add(pool.submit(() -> {
          arrived.countDown();
          return cache.response(new Generations(1, 0, 0), "choropleth|same", slow, Layers.GEOJSON);
        }));
      }
      CachedResponse first = answers.get(0).get(60, TimeUnit.SECONDS);
      for (Future<CachedResponse> a : answers) assertSame(first, a.get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, builds.get());
  }

  @Test
  void aFailedBuildIsThrownAndNotCached() {
    ResponseCache cache = new ResponseCache(BUDGET);
    AtomicInteger builds = new AtomicInteger();
    Supplier<byte[]> failing = () -> {
      builds.incrementAndGet();
      throw new InvalidQueryException("kecamatan", "no kecamatan 31.72.99");
    };
    assertThrows(InvalidQueryException.class, () -> cache.response(new Generations(1, 0, 0), "k", failing, Layers.JSON));
    assertThrows(InvalidQueryException.class, () -> cache.response(new Generations(1, 0, 0), "k", failing, Layers.JSON));
    assertEquals(2, builds.get());
    assertEquals(0, cache.size());
  }

  @Test
  void aPublishMakesLaterRequestsSeeTheNewDataAndFreesTheOld() {
    BoundarySet boundaries = SchematicBoundaries.generate(Gazetteer.builtIn());
    KelurahanCode code = boundaries.kelurahan().get(0).code();
    Atlas october = Atlas.build(boundaries, List.of(record(code, 10)), false);
    ResponseCache cache = new ResponseCache(BUDGET);
    Layers layers = new Layers(october, cache);

    assertEquals("{\"periods\":[\"2026-10\"]}", text(layers.periods()));
    assertEquals(1, cache.size());

    layers.publish(october.withCoverage(List.of(record(code, 10), record(code, 11)), false));
    assertEquals(0, cache.size(), "the old generation's responses are dropped on publish");
    assertEquals("{\"periods\":[\"2026-11\",\"2026-10\"]}", text(layers.periods()));
  }

  private static CoverageRecord record(KelurahanCode code, int month) {
    return new CoverageRecord(code, Period.of(2026, month), Sector.BPU, 10, 100L);
  }

  private static String text(CachedResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Random bytes: gzip cannot shrink them, so the weight is known. */
  private static Supplier<byte[]> incompressible(int size, long seed) {
    return () -> {
      byte[] b = new byte[size];
      new Random(seed).nextBytes(b);
      return b;
    };
  }

  private static Supplier<byte[]> counted(AtomicInteger builds, Supplier<byte[]> body) {
    return () -> {
      builds.incrementAndGet();
      return body.get();
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(60, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
