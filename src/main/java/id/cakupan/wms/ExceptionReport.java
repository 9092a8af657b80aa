package id.cakupan.wms;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The WMS 1.3.0 ServiceExceptionReport, for clients that ask for EXCEPTIONS=XML. */
public final class ExceptionReport {
  public static final String NS = "http://www.opengis.net/ogc";
  public static final String MEDIA_TYPE = "text/xml; charset=utf-8";

  private ExceptionReport() {}

  public static byte[] xml(String code, String locator, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.setDefaultNamespace(NS);
      x.writeStartElement(NS, "ServiceExceptionReport");
      x.writeDefaultNamespace(NS);
      x.writeAttribute("version", "1.3.0");
      x.writeStartElement(NS, "ServiceException");
      if (code != null) x.writeAttribute("code", code);
      if (locator != null) x.writeAttribute("locator", locator);
      x.writeCharacters(xmlText(message == null ? "" : message));
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing the exception report failed", e);
    }
    return out.toByteArray();
  }

  /**
   * The text with every character XML 1.0 cannot hold (control characters, lone surrogates)
   * replaced: messages quote client input, and StAX writes such characters as they are.
   */
  static String xmlText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        out.append(c).append(s.charAt(++i));
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
          || c == 0xFFFE || c == 0xFFFF) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
