package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every WMS request against a real server over the bundled Jakarta Utara boundaries and synthetic data. */
class WmsApiTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();
  static final String NS = "http://www.opengis.net/wms";
  static final String MAP = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image/png&STYLES=";

  static Document xml(String body) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
  }

  @Test
  void capabilitiesAreWms130WithEveryLayerStyleCrsAndTheMonths() throws Exception {
    HttpResponse<String> r = server.get("/wms?service=wms&request=GetCapabilities");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/xml"));
    Document d = xml(r.body());
    Element root = d.getDocumentElement();
    assertEquals(NS, root.getNamespaceURI());
    assertEquals("WMS_Capabilities", root.getLocalName());
    assertEquals("1.3.0", root.getAttribute("version"));

    Set<String> names = new HashSet<>();
    NodeList layers = d.getElementsByTagNameNS(NS, "Layer");
    Element kelurahanBpu = null;
    for (int i = 0; i < layers.getLength(); i++) {
      Element layer = (Element) layers.item(i);
      String name = childText(layer, "Name");
      if (name == null) continue;
      names.add(name);
      if (name.equals("kelurahan.BPU.coverage_rate")) kelurahanBpu = layer;
    }
    assertEquals(3 * 4 * 6, names.size(), names.toString());
    assertNotNull(kelurahanBpu);
    assertEquals("Tingkat cakupan \u2013 Bukan Penerima Upah (BPU) \u2013 per kelurahan", childText(kelurahanBpu, "Title"));
    assertEquals("1", kelurahanBpu.getAttribute("queryable"));
    List<String> styles = new ArrayList<>();
    NodeList styleNodes = kelurahanBpu.getElementsByTagNameNS(NS, "Style");
    for (int i = 0; i < styleNodes.getLength(); i++) styles.add(childText((Element) styleNodes.item(i), "Name"));
    assertEquals(List.of("quantile", "equal_interval", "jenks"), styles);
    Element legendUrl = (Element) kelurahanBpu.getElementsByTagNameNS(NS, "LegendURL").item(0);
    String href = ((Element) legendUrl.getElementsByTagNameNS(NS, "OnlineResource").item(0))
        .getAttributeNS("http://www.w3.org/1999/xlink", "href");
    assertTrue(href.startsWith(server.base + "/wms?"), href);
    assertTrue(href.contains("REQUEST=GetLegendGraphic") && href.contains("LAYER=kelurahan.BPU.coverage_rate"), href);
    HttpResponse<byte[]> legend = server.getBytes(href.substring(server.base.length()));
    assertEquals(200, legend.statusCode());
    BufferedImage legendImage = ImageIO.read(new ByteArrayInputStream(legend.body()));
    assertEquals(Integer.parseInt(legendUrl.getAttribute("width")), legendImage.getWidth());
    assertEquals(Integer.parseInt(legendUrl.getAttribute("height")), legendImage.getHeight());

    Element top = (Element) layers.item(0);
    Set<String> crs = new HashSet<>();
    NodeList crsNodes = top.getElementsByTagNameNS(NS, "CRS");
    for (int i = 0; i < crsNodes.getLength(); i++) crs.add(crsNodes.item(i).getTextContent());
    assertEquals(Set.of("EPSG:4326", "EPSG:3857", "EPSG:32748", "CRS:84"), crs);

    Map<String, Element> boxes = new HashMap<>();
    NodeList boxNodes = top.getElementsByTagNameNS(NS, "BoundingBox");
    for (int i = 0; i < boxNodes.getLength(); i++) {
      Element b = (Element) boxNodes.item(i);
      boxes.put(b.getAttribute("CRS"), b);
    }
    // Jakarta Utara lies around 106.7–107.0 °E, 6.08–6.19 °S: EPSG:4326 writes latitude first.
    Element geo = boxes.get("EPSG:4326");
    assertEquals(-6.2, Double.parseDouble(geo.getAttribute("minx")), 0.05);
    assertEquals(106.7, Double.parseDouble(geo.getAttribute("miny")), 0.05);
    Element lonLat = boxes.get("CRS:84");
    assertEquals(106.7, Double.parseDouble(lonLat.getAttribute("minx")), 0.05);
    assertEquals(-6.2, Double.parseDouble(lonLat.getAttribute("miny")), 0.05);
    Element utm = boxes.get("EPSG:32748");
    assertEquals(690_000, Double.parseDouble(utm.getAttribute("minx")), 20_000);
    assertEquals(9_315_000, Double.parseDouble(utm.getAttribute("miny")), 20_000);
    Element mercator = boxes.get("EPSG:3857");
    assertEquals(11_876_000, Double.parseDouble(mercator.getAttribute("minx")), 20_000);
    assertEquals(-691_000, Double.parseDouble(mercator.getAttribute("miny")), 10_000);

    Element time = (Element) top.getElementsByTagNameNS(NS, "Dimension").item(0);
    assertEquals("time", time.getAttribute("name"));
    assertEquals("2026-10", time.getAttribute("default"));
    assertEquals(24, time.getTextContent().split(",").length);
    assertTrue(time.getTextContent().startsWith("2024-11,2024-12,"), time.getTextContent());
  }

  private static String childText(Element e, String name) {
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && name.equals(c.getLocalName())) return c.getTextContent();
    }
    return null;
  }

  @ParameterizedTest
  @CsvSource({
      "CRS:84, '106.68,-6.20,107.00,-6.07', false",
      "EPSG:4326, '-6.20,106.68,-6.07,107.00', false",
      "EPSG:3857, '11875700,-692000,11911400,-676600', false",
      "EPSG:32748, '686000,9314000,722000,9329000', false",
      "EPSG:4326, '-6.20,106.68,-6.07,107.00', true"})
  void getMapFillsEachKelurahanWithItsChoroplethFill(String crs, String bbox, boolean transparent) throws Exception {
    String query = "LAYERS=kelurahan.BPU.uncovered&CRS=" + crs + "&BBOX=" + bbox + "&WIDTH=900&HEIGHT=600&TIME=2026-03"
        + "&TRANSPARENT=" + (transparent ? "TRUE" : "FALSE");
    HttpResponse<byte[]> r = server.getBytes(MAP + "&" + query);
    assertEquals(200, r.statusCode(), new String(r.body()));
    assertEquals("image/png", r.headers().firstValue("content-type").orElse(""));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertEquals(900, image.getWidth());
    assertEquals(600, image.getHeight());
    assertEquals(transparent, image.getColorModel().hasAlpha());
    Map<String, String> fills = fills("/api/choropleth?sector=BPU&metric=uncovered&period=2026-03");
    WmsCrs wmsCrs = WmsCrs.parse(crs);
    MapWindow window = new MapWindow(wmsCrs.parseBbox(bbox), 900, 600);
    int checked = 0;
    for (MapUnit u : server.app.layers().atlas().geography().units(Level.KELURAHAN)) {
      Point centre = MaximumInscribedCircle.getCenter(
          id.cakupan.boundary.Reprojection.fromWgs84(u.geometry(), wmsCrs.crs()), wmsCrs.geographic() ? 1e-5 : 1);
      int[] px = window.pixelAt(centre.getX(), centre.getY());
      int argb = image.getRGB(px[0], px[1]);
      assertEquals(fills.get(u.code()), String.format("#%06x", argb & 0xffffff), u.name() + " at " + px[0] + "," + px[1]);
      assertEquals(0xff, argb >>> 24, "opaque inside " + u.name());
      checked++;
    }
    assertEquals(31, checked);
    int corner = image.getRGB(0, 599); // open sea/land south-west of the city, outside every kelurahan
    if (transparent) assertEquals(0, corner >>> 24);
    else assertEquals(0xffffff, corner & 0xffffff);
  }

  static Map<String, String> fills(String choropleth) throws Exception {
    Map<String, String> out = new HashMap<>();
    for (JsonNode f : server.json(choropleth).get("features")) {
      out.put(f.get("id").asText(), f.get("properties").get("fill").asText());
    }
    return out;
  }

  @Test
  void theStyleIsTheClassificationMethodAndBgcolorFillsTheRest() throws Exception {
    String q = "/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&layers=kecamatan.ALL.coverage_rate"
        + "&styles=jenks&crs=CRS:84&bbox=106.5,-6.4,107.2,-5.9&width=700&height=500&bgcolor=0x102030";
    HttpResponse<byte[]> r = server.getBytes(q);
    assertEquals(200, r.statusCode(), new String(r.body()));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertEquals(0x102030, image.getRGB(0, 0) & 0xffffff);
    Map<String, String> fills = fills("/api/choropleth?level=kecamatan&method=jenks");
    MapWindow window = new MapWindow(new org.locationtech.jts.geom.Envelope(106.5, 107.2, -6.4, -5.9), 700, 500);
    for (MapUnit u : server.app.layers().atlas().geography().units(Level.KECAMATAN)) {
      Point centre = MaximumInscribedCircle.getCenter(u.geometry(), 1e-5);
      int[] px = window.pixelAt(centre.getX(), centre.getY());
      assertEquals(fills.get(u.code()), String.format("#%06x", image.getRGB(px[0], px[1]) & 0xffffff), u.name());
    }
    // With labels, names are drawn in dark text over the fills.
    String city = "/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&layers=kelurahan.ALL.coverage_rate"
        + "&crs=CRS:84&bbox=106.68,-6.20,107.00,-6.07&width=1200&height=490";
    BufferedImage plain = ImageIO.read(new ByteArrayInputStream(server.getBytes(city).body()));
    BufferedImage labelled = ImageIO.read(new ByteArrayInputStream(server.getBytes(city + "&labels=TRUE").body()));
    int dark = 0;
    for (int y = 0; y < 490; y++) {
      for (int x = 0; x < 1200; x++) {
        int rgb = labelled.getRGB(x, y) & 0xffffff;
        if (rgb != (plain.getRGB(x, y) & 0xffffff) && ((rgb >> 16) & 0xff) < 0x40 && (rgb & 0xff) < 0x50) dark++;
      }
    }
    assertTrue(dark > 100, "dark label pixels: " + dark);
  }

  @Test
  void featureInfoGivesTheKelurahanUnderThePixelWithItsFigures() throws Exception {
    // Rawa Badak Utara (SPEC §2: 106.89839, -6.12257) at the centre of a small CRS:84 map.
    String q = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=kelurahan.BPU.coverage_rate&STYLES="
        + "&CRS=CRS:84&BBOX=106.89739,-6.12357,106.89939,-6.12157&WIDTH=101&HEIGHT=101&I=50&J=50"
        + "&QUERY_LAYERS=kelurahan.BPU.coverage_rate&TIME=2026-10";
    JsonNode fc = ServerFixture.parse(server.get(q + "&INFO_FORMAT=application/json").body());
    assertEquals(1, fc.get("features").size());
    JsonNode p = fc.get("features").get(0).get("properties");
    assertEquals("31.72.03.1004", p.get("code").asText());
    assertEquals("Rawa Badak Utara", p.get("name").asText());
    assertEquals("3175040005", p.get("bps_code").asText());
    assertEquals("BPU", p.get("sector").asText());
    assertEquals("2026-10", p.get("period").asText());
    JsonNode choropleth = null;
    for (JsonNode f : server.json("/api/choropleth?sector=BPU").get("features")) {
      if (f.get("id").asText().equals("31.72.03.1004")) choropleth = f.get("properties");
    }
    for (String key : List.of("participants", "workforce", "coverage_rate", "uncovered", "class", "fill")) {
      assertEquals(choropleth.get(key), p.get(key), key);
    }
    HttpResponse<String> html = server.get(q + "&INFO_FORMAT=text/html");
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(html.body().contains("Rawa Badak Utara (31.72.03.1004)"), html.body());
    assertTrue(html.body().contains("Peserta aktif"), html.body());
    assertTrue(html.body().contains("<th>Kode BPS</th><td>3175040005</td>"), html.body());
  }

  @Test
  void featureInfoOutsideEveryKelurahanIsEmpty() throws Exception {
    JsonNode fc = ServerFixture.parse(server.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo"
        + "&LAYERS=kelurahan.ALL.participants&STYLES=&CRS=EPSG:4326&BBOX=-7,100,-6.9,100.1&WIDTH=10&HEIGHT=10"
        + "&I=5&J=5&QUERY_LAYERS=kelurahan.ALL.participants&INFO_FORMAT=application/json&FEATURE_COUNT=5").body());
    assertEquals(0, fc.get("features").size());
  }

  @Test
  void legendGraphicShowsTheLegendColours() throws Exception {
    HttpResponse<byte[]> r = server.getBytes("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png"
        + "&LAYER=kelurahan.ALL.uncovered&STYLE=equal_interval");
    assertEquals(200, r.statusCode(), new String(r.body()));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    JsonNode legend = server.json("/api/choropleth?metric=uncovered&method=equal_interval").get("legend");
    for (int k = 0; k < legend.get("colors").size(); k++) {
      int argb = image.getRGB(6 + 12, LegendImage.TITLE_HEIGHT + k * LegendImage.ROW_HEIGHT + 7);
      assertEquals(legend.get("colors").get(k).asText(), String.format("#%06x", argb & 0xffffff), "class " + k);
    }
  }

  @Test
  void parameterNamesAreCaseInsensitiveAndEmptyOrVendorOnesAreIgnored() throws Exception {
    HttpResponse<String> r = server.get("/wms?&&=x&sErViCe=wms&ReQuEsT=getcapabilities&map_resolution=96&dpi=96");
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void aTimeRangeShowsTheNewestMonthWithDataItTouches() throws Exception {
    String q = MAP + "&LAYERS=kelurahan.BPU.change&CRS=CRS:84&BBOX=106.68,-6.20,107.00,-6.07&WIDTH=320&HEIGHT=130&TIME=";
    byte[] march = server.getBytes(q + "2026-03").body();
    // A temporal client's frame: March, its end the exclusive start of April.
    HttpResponse<byte[]> frame = server.getBytes(q + "2026-03-01T00:00:00Z/2026-04-01T00:00:00Z");
    assertEquals(200, frame.statusCode(), new String(frame.body()));
    assertTrue(java.util.Arrays.equals(march, frame.body()), "the March frame is March's map");
    byte[] april = server.getBytes(q + "2026-04-15").body();
    assertFalse(java.util.Arrays.equals(march, april), "another month draws other colours");
  }

  @Test
  void mapsAreCachedAndRevalidated() throws Exception {
    String q = MAP + "&LAYERS=kota.ALL.participants&CRS=CRS:84&BBOX=106.6,-6.3,107.1,-6.0&WIDTH=64&HEIGHT=64";
    HttpResponse<byte[]> first = server.getBytes(q);
    String etag = first.headers().firstValue("etag").orElseThrow();
    HttpResponse<byte[]> again = server.getBytes(q, "If-None-Match", etag);
    assertEquals(304, again.statusCode());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=100000&HEIGHT=10|WIDTH|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=4096&HEIGHT=4096|WIDTH|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=-5&HEIGHT=10|WIDTH|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10|HEIGHT|MissingParameterValue",
      "&LAYERS=kelurahan.ALL.nonsense&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10|LAYERS|LayerNotDefined",
      "&LAYERS=desa.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10|LAYERS|LayerNotDefined",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=EPSG:2154&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10|CRS|InvalidCRS",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107&WIDTH=10&HEIGHT=10|BBOX|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=107,-7,106,-6&WIDTH=10&HEIGHT=10|BBOX|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=EPSG:4326&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10|BBOX|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=x,y,z,w&WIDTH=10&HEIGHT=10|BBOX|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&TIME=2019-01|TIME|InvalidDimensionValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&TIME=2019-01/2019-05|TIME|InvalidDimensionValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&TIME=2026-13|TIME|InvalidDimensionValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&STYLES=fancy|STYLES|StyleNotDefined",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&BGCOLOR=red|BGCOLOR|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&TRANSPARENT=maybe|TRANSPARENT|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&layers=kota.ALL.participants|LAYERS|InvalidParameterValue",
      "&LAYERS=kelurahan.ALL.coverage_rate&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10|CRS|MissingParameterValue"})
  void badGetMapsAre400ProblemsWithTheWmsCode(String params, String parameter, String code) throws Exception {
    HttpResponse<String> r = server.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image/png" + params);
    assertProblem(r, parameter, code);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/jpeg&LAYERS=kota.ALL.participants&CRS=CRS:84&BBOX=1,1,2,2&WIDTH=1&HEIGHT=1|FORMAT|InvalidFormat",
      "SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&FORMAT=image/png&LAYERS=kota.ALL.participants&SRS=EPSG:4326&BBOX=1,1,2,2&WIDTH=1&HEIGHT=1|VERSION|InvalidParameterValue",
      "SERVICE=WMS&REQUEST=GetTile|REQUEST|OperationNotSupported",
      "SERVICE=WFS&REQUEST=GetCapabilities|SERVICE|InvalidParameterValue",
      "REQUEST=GetCapabilities|SERVICE|MissingParameterValue",
      "SERVICE=WMS|REQUEST|MissingParameterValue",
      "SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=nope|LAYER|LayerNotDefined",
      "SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=kota.ALL.change&STYLE=x|STYLE|StyleNotDefined",
      "SERVICE=WMS&REQUEST=GetFeatureInfo&LAYERS=kota.ALL.change&CRS=CRS:84&BBOX=1,1,2,2&WIDTH=10&HEIGHT=10&I=1&J=1&INFO_FORMAT=application/json&QUERY_LAYERS=kota.ALL.uncovered|QUERY_LAYERS|LayerNotDefined",
      "SERVICE=WMS&REQUEST=GetFeatureInfo&LAYERS=kota.ALL.change&CRS=CRS:84&BBOX=1,1,2,2&WIDTH=10&HEIGHT=10&I=10&J=1&INFO_FORMAT=application/json&QUERY_LAYERS=kota.ALL.change|I|InvalidPoint",
      "SERVICE=WMS&REQUEST=GetFeatureInfo&LAYERS=kota.ALL.change&CRS=CRS:84&BBOX=1,1,2,2&WIDTH=10&HEIGHT=10&I=1&J=1&INFO_FORMAT=text/csv&QUERY_LAYERS=kota.ALL.change|INFO_FORMAT|InvalidFormat",
      "SERVICE=WMS&REQUEST=GetFeatureInfo&LAYERS=kota.ALL.change&CRS=CRS:84&BBOX=1,1,2,2&WIDTH=10&HEIGHT=10&I=1&J=1&INFO_FORMAT=text/html|QUERY_LAYERS|MissingParameterValue"})
  void otherBadRequestsAre400ProblemsWithTheWmsCode(String params, String parameter, String code) throws Exception {
    assertProblem(server.get("/wms?" + params), parameter, code);
  }

  static void assertProblem(HttpResponse<String> r, String parameter, String code) throws Exception {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode p = ServerFixture.parse(r.body());
    assertEquals(400, p.get("status").asInt());
    assertEquals(parameter, p.get("parameter").asText(), r.body());
    assertEquals(code, p.get("code").asText(), r.body());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "EPSG:3857|-1e308,-1e308,1e308,1e308",
      "EPSG:3857|0,0,1e-300,1e-300",
      "EPSG:32748|-1e15,-1e15,1e15,1e15",
      "EPSG:32748|700000,9320000,700000.000001,9320000.000001",
      "CRS:84|-360,-90,360,90",
      "EPSG:4326|-6.1226,106.8983,-6.12259999,106.89830001"})
  void extremeButWellFormedWindowsAreDrawnNotFailed(String crs, String bbox) throws Exception {
    HttpResponse<byte[]> r = server.getBytes("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image/png"
        + "&LAYERS=kelurahan.ALL.coverage_rate,kecamatan.ALL.coverage_rate&STYLES=,jenks&WIDTH=128&HEIGHT=96&LABELS=TRUE&CRS=" + crs + "&BBOX=" + bbox);
    assertEquals(200, r.statusCode(), new String(r.body()));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertEquals(128, image.getWidth());
    assertEquals(96, image.getHeight());
  }

  @Test
  void exceptionsXmlGivesAServiceExceptionReport() throws Exception {
    HttpResponse<String> r = server.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image/png"
        + "&LAYERS=kelurahan.ALL.%3Cscript%3E%01&CRS=CRS:84&BBOX=106,-7,107,-6&WIDTH=10&HEIGHT=10&exceptions=XML");
    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/xml"));
    Document d = xml(r.body());
    assertEquals("ServiceExceptionReport", d.getDocumentElement().getLocalName());
    assertEquals("http://www.opengis.net/ogc", d.getDocumentElement().getNamespaceURI());
    Element e = (Element) d.getElementsByTagNameNS("http://www.opengis.net/ogc", "ServiceException").item(0);
    assertEquals("LayerNotDefined", e.getAttribute("code"));
    assertEquals("LAYERS", e.getAttribute("locator"));
    assertTrue(e.getTextContent().contains("<script>"), e.getTextContent());
    assertFalse(r.body().contains("<script>"));
  }
}
