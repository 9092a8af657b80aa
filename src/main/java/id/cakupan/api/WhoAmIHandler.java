package id.cakupan.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.auth.Principal;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Set;

/**
 * {@code GET /api/whoami}: what the bearer token stands for (its role, a camat's kecamatan, its
 * name), so a page can fit itself to the person signed in, e.g. the worklist opening on the
 * camat's own kecamatan. Never the token, its id or its hash. A wrong token counts towards the
 * address's limit as on every write ({@link Access#authenticate}), so this is no guessing oracle.
 */
final class WhoAmIHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Access access;
  private final Layers layers;

  WhoAmIHandler(Access access, Layers layers) {
    this.access = access;
    this.layers = layers;
  }

  void get(Context ctx) {
    Principal p = access.authenticate(ctx);
    new QueryParams(ctx, Set.of());
    ObjectNode body = JSON.createObjectNode();
    body.put("role", p.role().key());
    body.put("name", p.name());
    body.put("kecamatan", p.kecamatan());
    body.put("kecamatan_name", p.kecamatan() == null ? null : kecamatanName(p.kecamatan()));
    // The answer depends on the Authorization header: no shared cache may keep it.
    ctx.header(Header.CACHE_CONTROL, "no-store");
    ctx.header(Header.VARY, "Authorization");
    ctx.json(body);
  }

  /** The name of the kecamatan in the published boundaries, or null when it is not (or no longer) there. */
  private String kecamatanName(String code) {
    for (MapUnit u : layers.atlas().geography().units(Level.KECAMATAN)) {
      if (u.code().equals(code)) return u.name();
    }
    return null;
  }
}
