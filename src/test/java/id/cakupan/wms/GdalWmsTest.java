package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.Gdal;
import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import id.cakupan.boundary.Reprojection;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;

/**
 * Acceptance (issue 11): GDAL's WMS driver, a real WMS client, fetches GetMap images with
 * gdal_translate; at each of the 31 Jakarta Utara kelurahan's interior point (the centre of its
 * largest inscribed circle, far from every border) the PNG's pixel is the choropleth's fill.
 */
class GdalWmsTest {
  @TempDir Path work;
  @RegisterExtension
  static final ServerFixture server = ServerFixture.perClass(SharedGeodata.file(SharedGeodata.SHAPEFILE));

  @Test
  void gdalReadsTheCapabilitiesAsOneSubdatasetPerLayerWithLatLonBoxes() throws Exception {
    String out = Gdal.run("gdalinfo", "WMS:" + server.base + "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
    assertEquals(72, out.lines().filter(l -> l.trim().matches("SUBDATASET_\\d+_NAME=.*")).count(), out);
    assertTrue(out.contains("SUBDATASET_3_DESC=Tingkat cakupan \u2013 Semua sektor \u2013 per kelurahan"), out);
    // The EPSG:4326 box as GDAL took it from the capabilities: latitude first, Jakarta Utara's.
    Matcher m = Pattern.compile("LAYERS=kelurahan\\.BPU\\.coverage_rate&CRS=EPSG:4326&BBOX=([-0-9.]+),([-0-9.]+),"
        + "([-0-9.]+),([-0-9.]+)").matcher(out);
    assertTrue(m.find(), out);
    assertEquals(-6.18, Double.parseDouble(m.group(1)), 0.03);
    assertEquals(106.71, Double.parseDouble(m.group(2)), 0.03);
    assertEquals(-6.09, Double.parseDouble(m.group(3)), 0.03);
    assertEquals(106.97, Double.parseDouble(m.group(4)), 0.03);
  }

  @Test
  void aWmsUrlInEpsg4326LatLonGivesThePageColours() throws Exception {
    // GDAL reads the 1.3.0 EPSG:4326 BBOX as latitude first and asks in that order.
    String url = "WMS:" + server.base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=kelurahan.BPU.coverage_rate"
        + "&CRS=EPSG:4326&BBOX=-6.20,106.68,-6.07,107.00&FORMAT=image/png";
    Path png = work.resolve("wms-4326.png");
    Gdal.run("gdal_translate", "-of", "PNG", "-co", "WORLDFILE=YES", "-outsize", "1280", "520", url, png.toString());
    assertEveryKelurahanHasItsFill(png, WmsCrs.CRS_84, "/api/choropleth?sector=BPU&metric=coverage_rate");
  }

  @Test
  void aServiceDescriptionInUtm48sWithAMonthAndAStyleGivesThePageColours() throws Exception {
    String description = """
        <GDAL_WMS>
          <Service name="WMS">
            <Version>1.3.0</Version>
            <ServerUrl>%s/wms?TIME=2025-06&amp;</ServerUrl>
            <CRS>EPSG:32748</CRS>
            <ImageFormat>image/png</ImageFormat>
            <Layers>kelurahan.ALL.uncovered</Layers>
            <Styles>jenks</Styles>
          </Service>
          <DataWindow>
            <UpperLeftX>686000</UpperLeftX>
            <UpperLeftY>9329000</UpperLeftY>
            <LowerRightX>722000</LowerRightX>
            <LowerRightY>9314000</LowerRightY>
            <SizeX>1200</SizeX>
            <SizeY>500</SizeY>
          </DataWindow>
          <BandsCount>3</BandsCount>
          <BlockSizeX>512</BlockSizeX>
          <BlockSizeY>512</BlockSizeY>
        </GDAL_WMS>
        """.formatted(server.base);
    Path xml = work.resolve("cakupan-wms.xml");
    Files.writeString(xml, description, StandardCharsets.UTF_8);
    Path png = work.resolve("wms-32748.png");
    Gdal.run("gdal_translate", "-of", "PNG", "-co", "WORLDFILE=YES", xml.toString(), png.toString());
    assertEveryKelurahanHasItsFill(png, WmsCrs.EPSG_32748, "/api/choropleth?metric=uncovered&method=jenks&period=2025-06");
  }

  /**
   * @param crs the CRS of the PNG's world file (easting or longitude first, as world files are)
   */
  private static void assertEveryKelurahanHasItsFill(Path png, WmsCrs crs, String choropleth) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    List<String> world = Files.readAllLines(Path.of(png.toString().replaceAll("\\.png$", ".wld")));
    double a = Double.parseDouble(world.get(0).trim());
    double e = Double.parseDouble(world.get(3).trim());
    double c = Double.parseDouble(world.get(4).trim());
    double f = Double.parseDouble(world.get(5).trim());
    Map<String, String> fills = new HashMap<>();
    for (JsonNode feature : server.json(choropleth).get("features")) {
      fills.put(feature.get("id").asText(), feature.get("properties").get("fill").asText());
    }
    List<MapUnit> kelurahan = server.app.layers().atlas().geography().units(Level.KELURAHAN);
    assertEquals(31, kelurahan.size());
    int distinct = (int) fills.values().stream().distinct().count();
    assertTrue(distinct >= 3, "the layer has several classes: " + fills.values());
    for (MapUnit u : kelurahan) {
      Point inside = MaximumInscribedCircle.getCenter(Reprojection.fromWgs84(u.geometry(), crs.crs()),
          crs.geographic() ? 1e-5 : 1);
      // The world file names the centre of the top-left pixel.
      int col = (int) Math.floor((inside.getX() - (c - a / 2)) / a);
      int row = (int) Math.floor((inside.getY() - (f - e / 2)) / e);
      int rgb = image.getRGB(col, row) & 0xffffff;
      assertEquals(fills.get(u.code()), String.format("#%06x", rgb), u.name() + " (" + u.code() + ") at pixel " + col
          + "," + row);
    }
  }
}
