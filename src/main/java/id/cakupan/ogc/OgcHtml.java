package id.cakupan.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code f=html} pages of the OGC API, each drawn from the JSON document of the same URL, so a
 * page shows exactly what a GIS client gets. Labels are Indonesian, with the standard's English
 * terms beside them; every value is escaped by {@link Html}.
 */
final class OgcHtml {
  static final String MEDIA_TYPE = "text/html; charset=utf-8";
  private static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

  private OgcHtml() {}

  /** {@code url} with {@code f=…} added, for the links between a document and its other format. */
  static String withFormat(String url, String format) {
    return url + (url.contains("?") ? "&" : "?") + "f=" + format;
  }

  static byte[] landing(String base, JsonNode doc) {
    String root = base + "/ogc";
    return page(doc.path("title").asText(), crumbs(root, null), root, false, h -> {
      h.element("h2", doc.path("title").asText());
      h.element("p", doc.path("description").asText());
      h.raw("<ul class=\"ogc-links\">");
      h.raw("<li>").link(withFormat(root + "/collections", "html"), "Koleksi", null, null)
          .raw(" <span lang=\"en\">(collections)</span>: lapisan yang dapat dibuka di QGIS, ArcGIS dan GDAL</li>");
      h.raw("<li>").link(withFormat(root + "/conformance", "html"), "Kesesuaian", null, null)
          .raw(" <span lang=\"en\">(conformance)</span>: kelas standar yang dipenuhi</li>");
      h.raw("<li>").link(root + "/api", "Definisi API", "service-desc", OgcJson.OPENAPI)
          .raw(" <span lang=\"en\">(OpenAPI 3.0)</span></li>");
      h.raw("</ul>");
    });
  }

  static byte[] conformance(String base, JsonNode doc) {
    String root = base + "/ogc";
    String self = root + "/conformance";
    return page("Kesesuaian", crumbs(root, List.of(Map.entry("", "Kesesuaian"))), self, false, h -> {
      h.raw("<h2>Kesesuaian <span lang=\"en\">(conformance classes)</span></h2><ul class=\"ogc-links\" lang=\"en\">");
      for (JsonNode c : doc.path("conformsTo")) h.raw("<li>").link(c.asText(), c.asText(), null, null).raw("</li>");
      h.raw("</ul>");
    });
  }

  static byte[] collections(String base, JsonNode doc) {
    String root = base + "/ogc";
    return page("Koleksi", crumbs(root, List.of(Map.entry("", "Koleksi"))), root + "/collections", false, h -> {
      h.raw("<h2>Koleksi <span lang=\"en\">(collections)</span></h2>");
      h.raw("<div class=\"table-wrap\"><table class=\"ogc-table\"><thead><tr><th>Koleksi</th><th>Judul</th>"
          + "<th>Keterangan</th><th>Fitur <span lang=\"en\">(items)</span></th></tr></thead><tbody>");
      for (JsonNode c : doc.path("collections")) {
        String href = root + "/collections/" + c.path("id").asText();
        h.raw("<tr><td>").link(withFormat(href, "html"), c.path("id").asText(), null, null).raw("</td>");
        h.raw("<td>").text(c.path("title").asText()).raw("</td><td>").text(c.path("description").asText()).raw("</td>");
        h.raw("<td>").link(withFormat(href + "/items", "html"), "HTML", null, "text/html").raw(" · ")
            .link(href + "/items", "GeoJSON", null, OgcJson.GEOJSON).raw("</td></tr>");
      }
      h.raw("</tbody></table></div>");
    });
  }

  static byte[] collection(String base, JsonNode c) {
    String root = base + "/ogc";
    String id = c.path("id").asText();
    String self = root + "/collections/" + id;
    return page(c.path("title").asText(), crumbs(root, List.of(Map.entry(withFormat(root + "/collections", "html"), "Koleksi"),
        Map.entry("", c.path("title").asText()))), self, false, h -> {
          h.element("h2", c.path("title").asText());
          h.element("p", c.path("description").asText());
          h.raw("<p class=\"ogc-actions\">").link(withFormat(self + "/items", "html"), "Lihat fitur", null, "text/html")
              .raw(" <span lang=\"en\">(items)</span> · ").link(self + "/items", "GeoJSON", "items", OgcJson.GEOJSON).raw("</p>");
          h.raw("<dl class=\"ogc-facts\">");
          fact(h, "Pengenal (id)", id);
          fact(h, "Jenis", c.path("itemType").asText());
          JsonNode spatial = c.path("extent").path("spatial");
          if (!spatial.isMissingNode()) fact(h, "Cakupan spasial (bbox, CRS84)", numbers(spatial.path("bbox").path(0)));
          JsonNode temporal = c.path("extent").path("temporal").path("interval").path(0);
          if (!temporal.isMissingNode()) fact(h, "Cakupan waktu", temporal.path(0).asText() + " – " + temporal.path(1).asText());
          if (c.has("numberOfUnits")) fact(h, "Jumlah wilayah", c.path("numberOfUnits").asText());
          if (c.has("periods")) fact(h, "Bulan", joined(c.path("periods")));
          if (c.has("sectors")) fact(h, "Sektor", joined(c.path("sectors")));
          h.raw("<dt>CRS <span lang=\"en\">(crs)</span></dt><dd><ul class=\"ogc-plain\" lang=\"en\">");
          for (JsonNode crs : c.path("crs")) h.raw("<li>").text(crs.asText()).raw("</li>");
          h.raw("</ul></dd>");
          fact(h, "CRS penyimpanan (storageCrs)", c.path("storageCrs").asText());
          h.raw("</dl>");
          links(h, c.path("links"));
        });
  }

  /**
   * A page of features: the paging links, a map of the page, and a table of every property.
   *
   * @param mapUrl the GeoJSON of the same page in CRS84, for the map
   */
  static byte[] items(String base, JsonNode page, OgcCollection c, String self, String mapUrl, OgcCrs crs) {
    String root = base + "/ogc";
    String collection = root + "/collections/" + c.id();
    return page("Fitur " + c.title(), crumbs(root, List.of(Map.entry(withFormat(root + "/collections", "html"), "Koleksi"),
        Map.entry(withFormat(collection, "html"), c.title()), Map.entry("", "Fitur"))), self, c.geometry(), h -> {
          h.raw("<h2>").text(c.title()).raw(": fitur <span lang=\"en\">(items)</span></h2>");
          long matched = page.path("numberMatched").asLong();
          long returned = page.path("numberReturned").asLong();
          h.raw("<p class=\"ogc-count\">").text(returned + " dari " + matched + " fitur").raw(crs == OgcCrs.STORAGE ? ""
              : " · koordinat dalam " + Html.escape(crs.label())).raw("</p>");
          paging(h, page.path("links"));
          if (c.geometry()) {
            h.raw("<div id=\"ogc-map\" class=\"ogc-map\" role=\"region\" aria-label=\"Peta fitur halaman ini\" data-geojson=\"")
                .text(mapUrl).raw("\" data-items=\"").text(collection + "/items/").raw("\"></div>");
          }
          List<String> columns = columns(page.path("features"));
          h.raw("<div class=\"table-wrap\"><table class=\"ogc-table\"><thead><tr><th>id</th>");
          for (String col : columns) h.element("th", col);
          h.raw("</tr></thead><tbody>");
          for (JsonNode f : page.path("features")) {
            String fid = f.path("id").asText();
            h.raw("<tr><td>").link(withFormat(collection + "/items/" + pathSegment(fid), "html"), fid, null, null).raw("</td>");
            for (String col : columns) h.element("td", value(f.path("properties").get(col)));
            h.raw("</tr>");
          }
          h.raw("</tbody></table></div>");
          paging(h, page.path("links"));
        });
  }

  /** One feature: its properties, and a map of it. */
  static byte[] item(String base, JsonNode feature, OgcCollection c, String self, String mapUrl) {
    String root = base + "/ogc";
    String collection = root + "/collections/" + c.id();
    String fid = feature.path("id").asText();
    JsonNode props = feature.path("properties");
    // An activity is named by what, where and when; a unit by its name.
    String name = c.activities() ? props.path("type").asText() + " · " + props.path("name").asText() + " · "
        + props.path("date").asText() : props.path("name").asText(fid);
    return page(name, crumbs(root, List.of(Map.entry(withFormat(root + "/collections", "html"), "Koleksi"),
        Map.entry(withFormat(collection, "html"), c.title()), Map.entry(withFormat(collection + "/items", "html"), "Fitur"),
        Map.entry("", fid))), self, c.geometry(), h -> {
          h.element("h2", name);
          h.raw("<p class=\"ogc-count\">").text(c.title() + " · " + fid).raw("</p>");
          if (c.geometry()) {
            h.raw("<div id=\"ogc-map\" class=\"ogc-map\" role=\"region\" aria-label=\"Peta fitur ini\" data-geojson=\"")
                .text(mapUrl).raw("\"></div>");
          }
          h.raw("<dl class=\"ogc-facts\">");
          for (var it = feature.path("properties").fields(); it.hasNext(); ) {
            var e = it.next();
            fact(h, e.getKey(), value(e.getValue()));
          }
          h.raw("</dl>");
        });
  }

  private static void fact(Html h, String term, String value) {
    h.element("dt", term).element("dd", value);
  }

  private static String value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) return "–";
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String numbers(JsonNode array) {
    List<String> parts = new ArrayList<>();
    for (JsonNode n : array) parts.add(n.asText());
    return String.join(", ", parts);
  }

  private static String joined(JsonNode array) {
    List<String> parts = new ArrayList<>();
    for (JsonNode n : array) parts.add(n.asText());
    return String.join(", ", parts);
  }

  /** Every property name of the page's features, in the order they first appear. */
  private static List<String> columns(JsonNode features) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode f : features) f.path("properties").fieldNames().forEachRemaining(names::add);
    return new ArrayList<>(names);
  }

  /** Feature ids are codes with dots and underscores; anything else is percent-encoded. */
  private static String pathSegment(String id) {
    return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void paging(Html h, JsonNode links) {
    String prev = href(links, "prev");
    String next = href(links, "next");
    if (prev == null && next == null) return;
    h.raw("<nav class=\"ogc-paging\" aria-label=\"Halaman\">");
    if (prev != null) h.link(withFormat(prev, "html"), "‹ Sebelumnya", "prev", null);
    if (next != null) h.raw(prev != null ? " " : "").link(withFormat(next, "html"), "Berikutnya ›", "next", null);
    h.raw("</nav>");
  }

  private static String href(JsonNode links, String rel) {
    for (JsonNode l : links) if (rel.equals(l.path("rel").asText())) return l.path("href").asText();
    return null;
  }

  /** The document's own links, with their relation and media type. */
  private static void links(Html h, JsonNode links) {
    h.raw("<h3>Tautan <span lang=\"en\">(links)</span></h3><ul class=\"ogc-links\">");
    for (JsonNode l : links) {
      String title = l.path("title").asText(l.path("href").asText());
      h.raw("<li>").link(l.path("href").asText(), title, null, null).raw(" <span class=\"ogc-rel\" lang=\"en\">")
          .text(l.path("rel").asText() + (l.has("type") ? ", " + l.path("type").asText() : "")).raw("</span></li>");
    }
    h.raw("</ul>");
  }

  /** The path shown above a page: the landing page, then each step down to this one (the last not linked). */
  private static List<Map.Entry<String, String>> crumbs(String root, List<Map.Entry<String, String>> below) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    all.add(Map.entry(below == null ? "" : withFormat(root, "html"), "Halaman awal"));
    if (below != null) all.addAll(below);
    return all;
  }

  /**
   * The frame every page shares: the map page's header and look, breadcrumbs, and the
   * {@code rel=alternate} link to the JSON of the same URL.
   *
   * @param jsonUrl the URL of the JSON document this page shows (with its query)
   */
  private static byte[] page(String title, List<Map.Entry<String, String>> crumbs, String jsonUrl, boolean map,
      Consumer<Html> body) {
    Html h = new Html();
    String json = withFormat(jsonUrl, "json");
    h.raw("<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<link rel=\"icon\" href=\"data:,\">\n")
        .raw("<title>").text(title + " · cakupan OGC API – Features").raw("</title>\n");
    if (map) h.raw("<link rel=\"stylesheet\" href=\"" + LEAFLET + "leaflet.css\">\n");
    h.raw("<link rel=\"stylesheet\" href=\"/app.css\">\n<link rel=\"stylesheet\" href=\"/ogc.css\">\n")
        .raw("<link rel=\"alternate\" type=\"application/json\" href=\"").text(json).raw("\">\n")
        .raw("</head>\n<body class=\"ogc-page\">\n")
        .raw("<header class=\"bar\"><div class=\"brand\"><h1>Cakupan BPJS Ketenagakerjaan</h1>")
        .raw("<span class=\"place\" lang=\"en\">OGC API – Features</span></div>")
        .raw("<nav class=\"tools\"><a href=\"/\">Peta</a></nav></header>\n")
        .raw("<nav class=\"crumbs\" aria-label=\"Lokasi halaman\"><ol>");
    for (Map.Entry<String, String> c : crumbs) {
      h.raw("<li>");
      if (c.getKey().isEmpty()) h.raw("<span aria-current=\"page\">").text(c.getValue()).raw("</span>");
      else h.link(c.getKey(), c.getValue(), null, null);
      h.raw("</li>");
    }
    h.raw("</ol></nav>\n<main class=\"ogc\">\n");
    body.accept(h);
    h.raw("\n<p class=\"ogc-formats\">Format lain: ").link(json, "JSON", "alternate", "application/json").raw("</p>\n")
        .raw("</main>\n");
    if (map) h.raw("<script src=\"" + LEAFLET + "leaflet.js\"></script>\n<script src=\"/ogc-map.js\"></script>\n");
    h.raw("</body>\n</html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }
}
