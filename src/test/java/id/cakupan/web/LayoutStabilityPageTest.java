package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.api.ServerFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing on the pages moves when their data arrive (Lighthouse's layout shift on a phone): the
 * pages are loaded over a slow link, so they are drawn before their data, and the browser's own
 * layout-shift record and the places of the controls before and after the data are compared.
 */
class LayoutStabilityPageTest {
  /** The sum of layout-shift scores a page may have: Lighthouse calls up to 0.1 good; the pages had 0.16 to 0.57. */
  private static final double MAX_SHIFT = 0.01;

  /**
   * Runs before the page's own scripts: records every layout shift, where the map page's header
   * tools, map and table are at the first frame after the page's scripts ran (before any API
   * answer), and where the activity box is when it is added (before the month's reach flags).
   */
  private static final String RECORDER = """
      window.__shifts = [];
      window.__early = {};
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__shifts.push({ value: e.value, at: Math.round(e.startTime),
            sources: e.sources.map((s) => s.node ? (s.node.id || String(s.node.className) || s.node.nodeName) : '?') });
        }
      }).observe({ type: 'layout-shift', buffered: true });
      const place = (e) => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.width, b.height]; };
      document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => {
        const legend = document.getElementById('legend');
        window.__early.legendEmpty = legend ? legend.innerHTML === '' : null;
        for (const s of ['.tools', '#map', '#ranking']) {
          const e = document.querySelector(s);
          if (e) window.__early[s] = place(e);
        }
      }));
      new MutationObserver((changes, observer) => {
        const box = document.querySelector('.act-filter');
        if (!box) return;
        window.__early['.act-filter'] = place(box);
        const key = box.querySelector('.act-reach-key');
        window.__early.keyHidden = key ? key.hidden : null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
      """;

  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
    browser = new Browser();
    browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    // Every request a quarter of a second late: the page paints before its data, as on a phone.
    browser.driver.executeCdpCommand("Network.emulateNetworkConditions",
        Map.of("offline", false, "latency", 250, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @AfterEach
  void desktopAgain() {
    browser.viewport(1280, 800, false);
  }

  @Test
  void theMapPageKeepsEveryControlInPlaceWhenTheLayerTheActivitiesAndTheReachFlagsArrive() {
    for (int[] size : new int[][] {{412, 823, 1}, {1280, 800, 0}}) {
      browser.viewport(size[0], size[1], size[2] == 1);
      String where = size[0] + "×" + size[1];
      open("/?period=2026-10");
      // The "before" was really before the data: no legend yet, the reach key not yet shown.
      assertEquals(Boolean.TRUE, browser.js("return window.__early.legendEmpty"), where + ": the first frame came after the layer");
      assertEquals(Boolean.TRUE, browser.js("return window.__early.keyHidden"), where + ": the activity box came after the reach flags");
      // After them: the reach key shows (some kelurahan are belum tersentuh in this month) ...
      browser.waitFor("the reach key", d -> Boolean.TRUE.equals(
          browser.js("return !document.querySelector('.act-reach-key').hidden && document.querySelectorAll('path[data-reach]').length > 0")));
      // ... and nothing has moved: the header's tools, the map, the table below the legend, the activity box.
      for (String element : List.of(".tools", "#map", "#ranking", ".act-filter")) {
        assertSamePlace(where + " " + element, early(element), now(element));
      }
      assertStable(where);
    }
  }

  @Test
  void theWorklistAndTheOutreachPageDoNotShiftWhenTheirDataArrive() {
    browser.viewport(412, 823, true);
    for (String page : List.of("/worklist.html?kecamatan=31.72.03&sector=BPU&period=2026-10", "/worklist.html",
        "/kegiatan.html", "/kegiatan.html?kecamatan=31.72.03&month=2026-06")) {
      open(page);
      assertStable(page);
    }
  }

  private void open(String path) {
    browser.driver.get(server.base + path);
    browser.waitFor("the page with its data", d -> "ready".equals(browser.js("return document.body.dataset.status")));
  }

  /** Layout shifts so far: their sum under {@link #MAX_SHIFT}, each listed with what moved when it fails. */
  private void assertStable(String where) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shifts = (List<Map<String, Object>>) browser.js("return window.__shifts");
    double sum = shifts.stream().mapToDouble(s -> ((Number) s.get("value")).doubleValue()).sum();
    assertTrue(sum <= MAX_SHIFT, where + ": layout shift " + sum + " " + shifts);
  }

  @SuppressWarnings("unchecked")
  private static List<Number> early(String selector) {
    List<Number> place = (List<Number>) browser.js("return window.__early[arguments[0]]", selector);
    assertNotNull(place, selector + " was not on the page before the data");
    return place;
  }

  @SuppressWarnings("unchecked")
  private static List<Number> now(String selector) {
    return (List<Number>) browser.js(
        "const b = document.querySelector(arguments[0]).getBoundingClientRect(); return [b.left, b.top, b.width, b.height];", selector);
  }

  /** Left, top and width within a pixel; the height may grow downwards (a table filling in moves nothing). */
  private static void assertSamePlace(String what, List<Number> before, List<Number> after) {
    for (int i = 0; i < 3; i++) {
      assertEquals(before.get(i).doubleValue(), after.get(i).doubleValue(), 1.0, what + " moved: " + before + " → " + after);
    }
  }
}
