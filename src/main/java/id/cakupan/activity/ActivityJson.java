package id.cakupan.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.coverage.KelurahanCode;
import java.time.LocalDate;

/**
 * An activity as a JSON object: one set of field names for the API, the audit log's old → new and the embedded
 * store's document, so the three cannot drift apart.
 */
public final class ActivityJson {
  private ActivityJson() {}

  /**
   * Writes the activity's fields into {@code n}; {@code withKecamatan} adds {@code kecamatan_code} (derived from the
   * code, so the store leaves it out) for readers of the API and the audit log.
   */
  public static ObjectNode write(ObjectNode n, Activity a, boolean withKecamatan) {
    n.put("id", a.id());
    n.put("type", a.type().key());
    n.put("status", a.status().key());
    n.put("date", a.date().toString());
    n.put("organiser", a.organiser());
    n.put("code", a.code().value());
    if (withKecamatan) n.put("kecamatan_code", a.kecamatanCode());
    n.put("lon", a.lon());
    n.put("lat", a.lat());
    n.put("target_group", a.targetGroup());
    n.put("attendees", a.attendees());
    n.put("registrations", a.registrations());
    n.put("note", a.note());
    return n;
  }

  /** The activity {@link #write} wrote (stored data: already validated, so no checks beyond the types'). */
  public static Activity read(JsonNode n) {
    return new Activity(n.get("id").asText(), ActivityType.parse(n.get("type").asText()),
        ActivityStatus.parse(n.get("status").asText()), LocalDate.parse(n.get("date").asText()),
        n.get("organiser").asText(), KelurahanCode.parse(n.get("code").asText()),
        n.hasNonNull("lon") ? n.get("lon").asDouble() : null, n.hasNonNull("lat") ? n.get("lat").asDouble() : null,
        text(n, "target_group"), n.hasNonNull("attendees") ? n.get("attendees").asInt() : null,
        n.hasNonNull("registrations") ? n.get("registrations").asInt() : null, text(n, "note"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
