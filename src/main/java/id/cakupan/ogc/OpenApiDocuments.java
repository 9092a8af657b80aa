package id.cakupan.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The two OpenAPI 3.0 definitions, both cut from the one hand-written resource: the whole service
 * rooted at the host, and the OGC API rooted at {@code /ogc}. Deriving the second keeps a single
 * description of every OGC operation.
 */
final class OpenApiDocuments {
  static final String OGC_ROOT = "/ogc";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RESOURCE = "openapi.json";
  private static final String REF_PREFIX = "#/components/";

  private OpenApiDocuments() {}

  static byte[] service(String base) {
    ObjectNode doc = resource();
    doc.putArray("servers").addObject().put("url", base).put("description", "this server");
    return bytes(doc);
  }

  /** Only the paths under /ogc, made relative to it ({@code /ogc} itself becomes {@code /}), and what they use. */
  static byte[] ogc(String base) {
    return bytes(ogcDocument(base));
  }

  static ObjectNode ogcDocument(String base) {
    ObjectNode whole = resource();
    ObjectNode doc = MAPPER.createObjectNode();
    doc.set("openapi", whole.get("openapi"));
    ObjectNode info = whole.get("info").deepCopy();
    info.put("title", "cakupan: OGC API - Features");
    info.put("description", "BPJS Ketenagakerjaan coverage per kelurahan as OGC API - Features (Part 1 Core,"
        + " Part 2 CRS by reference). Paths are relative to the landing page, the server URL below."
        + " The whole service (/api, /tiles) is described at /api/openapi.");
    doc.set("info", info);
    doc.putArray("servers").addObject().put("url", base + OGC_ROOT).put("description", "the landing page of this server");
    ObjectNode paths = MAPPER.createObjectNode();
    Set<String> tags = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = whole.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      if (!path.equals(OGC_ROOT) && !path.startsWith(OGC_ROOT + "/")) continue;
      String relative = path.equals(OGC_ROOT) ? "/" : path.substring(OGC_ROOT.length());
      paths.set(relative, e.getValue());
      e.getValue().forEach(op -> op.path("tags").forEach(t -> tags.add(t.asText())));
    }
    ArrayNode keptTags = doc.putArray("tags");
    whole.get("tags").forEach(t -> {
      if (tags.contains(t.get("name").asText())) keptTags.add(t);
    });
    doc.set("paths", paths);
    doc.set("components", usedComponents(whole.get("components"), paths));
    return doc;
  }

  /** The components reachable by {@code $ref} from {@code root}, following references inside components too. */
  private static ObjectNode usedComponents(JsonNode components, JsonNode root) {
    ObjectNode out = MAPPER.createObjectNode();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node.isObject() && node.has("$ref") && node.get("$ref").asText().startsWith(REF_PREFIX)) {
        String[] parts = node.get("$ref").asText().substring(REF_PREFIX.length()).split("/", 2);
        JsonNode target = parts.length == 2 ? components.path(parts[0]).get(parts[1]) : null;
        ObjectNode section = out.has(parts[0]) ? (ObjectNode) out.get(parts[0]) : out.putObject(parts[0]);
        if (target != null && !section.has(parts[1])) {
          section.set(parts[1], target);
          todo.push(target);
        }
      }
      if (node.isContainerNode()) node.forEach(todo::push);
    }
    return out;
  }

  private static ObjectNode resource() {
    try (InputStream in = OpenApiDocuments.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode doc) {
    try {
      return MAPPER.writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
