package id.cakupan.targeting;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A target's own fields as JSON, the same in the API's rows and in the audit log's old → new. */
public final class TargetJson {
  private TargetJson() {}

  /** {@code sector, period, target, baseline_period, assignee, note} (the caller writes code and name). */
  public static void writeFields(JsonGenerator g, Target t) throws IOException {
    g.writeStringField("sector", t.sector().name());
    g.writeStringField("period", t.period().toString());
    g.writeNumberField("target", t.target());
    g.writeStringField("baseline_period", t.baseline().toString());
    g.writeStringField("assignee", t.assignee());
    g.writeStringField("note", t.note());
  }
}
