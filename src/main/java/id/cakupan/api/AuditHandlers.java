package id.cakupan.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.app.Accounts;
import id.cakupan.auth.AuditEntry;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** {@code GET /api/audit?limit=&offset=}: the audit log, newest first, for admins only. */
final class AuditHandlers {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  static final int MAX_OFFSET = 10_000_000;

  private final Accounts accounts;
  private final Access access;

  AuditHandlers(Accounts accounts, Access access) {
    this.accounts = accounts;
    this.access = access;
  }

  void list(Context ctx) {
    access.requireAdmin(ctx);
    QueryParams p = new QueryParams(ctx, Set.of("limit", "offset"));
    int limit = p.get("limit", QueryParams.intBetween(1, MAX_LIMIT), DEFAULT_LIMIT);
    int offset = p.get("offset", QueryParams.intBetween(0, MAX_OFFSET), 0);
    List<AuditEntry> entries = accounts.audit(limit, offset);
    ObjectNode body = JSON.createObjectNode();
    body.put("limit", limit);
    body.put("offset", offset);
    ArrayNode rows = body.putArray("rows");
    for (AuditEntry e : entries) {
      ObjectNode n = rows.addObject();
      n.put("at", e.at().toString());
      n.put("actor", e.actor());
      n.put("role", e.role().key());
      n.put("action", e.action());
      n.put("subject", e.subject());
      n.set("old", value(e.oldValue()));
      n.set("new", value(e.newValue()));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }

  /** The stored JSON text as JSON; text that is not JSON (never written by cakupan) as a string. */
  private static JsonNode value(String text) {
    if (text == null) return JSON.nullNode();
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
