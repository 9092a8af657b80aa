package id.cakupan.wms;

import id.cakupan.coverage.Period;
import id.cakupan.map.Level;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMS 1.3.0 capabilities document: one root layer holding a group per level, and in each a
 * layer per sector × metric whose styles are the classification methods, each with its legend.
 * Written with a StAX writer, so every text and attribute is escaped by construction.
 */
public final class Capabilities {
  public static final String WMS_NS = "http://www.opengis.net/wms";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final String SLD_NS = "http://www.opengis.net/sld";
  public static final String MEDIA_TYPE = "text/xml; charset=utf-8";

  private final XMLStreamWriter x;
  private final String serviceUrl;

  private Capabilities(XMLStreamWriter x, String serviceUrl) {
    this.x = x;
    this.serviceUrl = serviceUrl;
  }

  /**
   * @param serviceUrl the WMS endpoint as the client reached it, e.g. {@code http://host:7070/wms}
   * @param extents the extent of the data in each offered CRS (x = easting or longitude)
   * @param periods the months with data, oldest first (the TIME dimension; absent when empty)
   */
  public static byte[] build(String serviceUrl, Map<WmsCrs, Envelope> extents, NavigableSet<Period> periods) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      new Capabilities(x, serviceUrl).write(extents, periods);
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing the capabilities failed", e);
    }
    return out.toByteArray();
  }

  private void write(Map<WmsCrs, Envelope> extents, NavigableSet<Period> periods) throws XMLStreamException {
    x.writeStartDocument("UTF-8", "1.0");
    x.writeCharacters("\n");
    x.setDefaultNamespace(WMS_NS);
    x.setPrefix("xlink", XLINK_NS);
    x.writeStartElement(WMS_NS, "WMS_Capabilities");
    x.writeDefaultNamespace(WMS_NS);
    x.writeNamespace("xlink", XLINK_NS);
    x.writeNamespace("xsi", XSI_NS);
    x.writeNamespace("sld", SLD_NS);
    x.writeAttribute("version", "1.3.0");
    x.writeAttribute(XSI_NS, "schemaLocation", WMS_NS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
        + SLD_NS + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
    service();
    x.writeStartElement(WMS_NS, "Capability");
    requests();
    x.writeStartElement(WMS_NS, "Exception");
    text("Format", "XML");
    text("Format", "application/problem+json");
    x.writeEndElement();
    rootLayer(extents, periods);
    x.writeEndElement(); // Capability
    x.writeEndElement(); // WMS_Capabilities
    x.writeEndDocument();
  }

  private void service() throws XMLStreamException {
    x.writeStartElement(WMS_NS, "Service");
    text("Name", "WMS");
    text("Title", "cakupan \u2013 Cakupan kepesertaan BPJS Ketenagakerjaan per wilayah");
    text("Abstract", "Peta koroplet cakupan kepesertaan BPJS Ketenagakerjaan (Jamsostek) per kelurahan, kecamatan "
        + "dan kota: peserta aktif, tenaga kerja, tingkat cakupan, pekerja belum terlindungi, perubahan dan "
        + "kepadatan peserta, per sektor (PU, BPU, JAKON, semua) dan per bulan (dimensi TIME).");
    x.writeStartElement(WMS_NS, "KeywordList");
    for (String k : List.of("BPJS Ketenagakerjaan", "Jamsostek", "cakupan", "kelurahan", "kecamatan", "koroplet")) {
      text("Keyword", k);
    }
    x.writeEndElement();
    onlineResource(serviceUrl);
    text("Fees", "none");
    text("AccessConstraints", "none");
    text("MaxWidth", Integer.toString(MapRequest.MAX_SIDE));
    text("MaxHeight", Integer.toString(MapRequest.MAX_SIDE));
    x.writeEndElement();
  }

  private void requests() throws XMLStreamException {
    x.writeStartElement(WMS_NS, "Request");
    operation(WMS_NS, "GetCapabilities", List.of("text/xml"));
    operation(WMS_NS, "GetMap", List.of(MapRequest.FORMAT));
    operation(WMS_NS, "GetFeatureInfo", List.of(FeatureInfo.JSON, FeatureInfo.HTML));
    operation(SLD_NS, "GetLegendGraphic", List.of(MapRequest.FORMAT));
    x.writeEndElement();
  }

  private void operation(String ns, String name, List<String> formats) throws XMLStreamException {
    if (ns.equals(SLD_NS)) x.writeStartElement("sld", name, SLD_NS);
    else x.writeStartElement(ns, name);
    for (String f : formats) text("Format", f);
    x.writeStartElement(WMS_NS, "DCPType");
    x.writeStartElement(WMS_NS, "HTTP");
    x.writeStartElement(WMS_NS, "Get");
    onlineResource(serviceUrl + "?");
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
  }

  private void rootLayer(Map<WmsCrs, Envelope> extents, NavigableSet<Period> periods) throws XMLStreamException {
    x.writeStartElement(WMS_NS, "Layer");
    text("Title", "Cakupan BPJS Ketenagakerjaan");
    text("Abstract", "Semua lapisan: tingkat wilayah × sektor × ukuran. Gaya = metode klasifikasi (5 kelas), "
        + "warna sama dengan peta di halaman utama.");
    for (WmsCrs crs : WmsCrs.values()) text("CRS", crs.code());
    Envelope lonLat = extents.get(WmsCrs.CRS_84);
    if (lonLat != null) {
      x.writeStartElement(WMS_NS, "EX_GeographicBoundingBox");
      text("westBoundLongitude", number(lonLat.getMinX()));
      text("eastBoundLongitude", number(lonLat.getMaxX()));
      text("southBoundLatitude", number(lonLat.getMinY()));
      text("northBoundLatitude", number(lonLat.getMaxY()));
      x.writeEndElement();
    }
    for (WmsCrs crs : WmsCrs.values()) {
      Envelope e = extents.get(crs);
      if (e == null) continue;
      double[] v = crs.bboxValues(e);
      x.writeEmptyElement(WMS_NS, "BoundingBox");
      x.writeAttribute("CRS", crs.code());
      x.writeAttribute("minx", number(v[0]));
      x.writeAttribute("miny", number(v[1]));
      x.writeAttribute("maxx", number(v[2]));
      x.writeAttribute("maxy", number(v[3]));
    }
    if (!periods.isEmpty()) {
      x.writeStartElement(WMS_NS, "Dimension");
      x.writeAttribute("name", "time");
      x.writeAttribute("units", "ISO8601");
      x.writeAttribute("default", periods.last().toString());
      x.writeAttribute("nearestValue", "0");
      x.writeCharacters(periods.stream().map(Period::toString).collect(Collectors.joining(",")));
      x.writeEndElement();
    }
    for (Level level : WmsLayer.LEVELS) {
      x.writeStartElement(WMS_NS, "Layer");
      text("Title", "Per " + level.key());
      for (WmsLayer layer : WmsLayer.all()) {
        if (layer.level() == level) leaf(layer);
      }
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private void leaf(WmsLayer layer) throws XMLStreamException {
    x.writeStartElement(WMS_NS, "Layer");
    x.writeAttribute("queryable", "1");
    x.writeAttribute("opaque", "0");
    text("Name", layer.name());
    text("Title", layer.title());
    text("Abstract", layer.metric().label() + " (" + layer.metric().key() + "), sektor " + layer.sector().name()
        + ", per " + layer.level().key() + "; bulan dipilih dengan TIME=YYYY-MM (bawaan: bulan terbaru).");
    for (WmsStyle style : WmsStyle.values()) {
      x.writeStartElement(WMS_NS, "Style");
      text("Name", style.key());
      text("Title", style.title());
      x.writeStartElement(WMS_NS, "LegendURL");
      x.writeAttribute("width", Integer.toString(LegendImage.WIDTH));
      x.writeAttribute("height", Integer.toString(LegendImage.HEIGHT));
      text("Format", MapRequest.FORMAT);
      onlineResource(serviceUrl + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image%2Fpng"
          + "&SLD_VERSION=1.1.0&LAYER=" + URLEncoder.encode(layer.name(), StandardCharsets.UTF_8)
          + "&STYLE=" + style.key());
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private void onlineResource(String href) throws XMLStreamException {
    x.writeEmptyElement(WMS_NS, "OnlineResource");
    x.writeAttribute("xlink", XLINK_NS, "type", "simple");
    x.writeAttribute("xlink", XLINK_NS, "href", href);
  }

  private void text(String name, String value) throws XMLStreamException {
    x.writeStartElement(WMS_NS, name);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private static String number(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
