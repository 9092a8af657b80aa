package id.cakupan.map;

import id.cakupan.coverage.Period;
import java.util.Locale;
import java.util.Map;

/** Writes a ranking as the JSON document of SPEC §4 or as CSV. */
public final class RankingEncoder {

  private RankingEncoder() {}

  public static byte[] json(Atlas atlas, RankingQuery q) {
    Period period = q.layer().resolvedPeriod();
    String sector = q.layer().sector().name();
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("sector", sector);
      g.writeStringField("period", period.toString());
      g.writeStringField("sort", q.order().name().toLowerCase(Locale.ROOT));
      g.writeBooleanField("synthetic", atlas.synthetic());
      g.writeArrayFieldStart("rows");
      Map<String, Boolean> untouched = atlas.belumTersentuh(period);
      for (Ranking.Row r : Ranking.rows(atlas, q)) {
        g.writeStartObject();
        if (r.rank() == null) g.writeNullField("rank");
        else g.writeNumberField("rank", r.rank());
        g.writeStringField("code", r.unit().code());
        g.writeStringField("bps_code", r.unit().bpsCode());
        g.writeStringField("name", r.unit().name());
        g.writeStringField("kecamatan", r.unit().kecamatan());
        g.writeStringField("kecamatan_code", r.unit().kecamatanCode());
        g.writeStringField("sector", sector);
        g.writeStringField("period", period.toString());
        FiguresJson.write(g, r.figures());
        g.writeBooleanField("complete", r.complete());
        g.writeStringField("group", r.group());
        Boolean flag = untouched.get(r.unit().code());
        if (flag == null) g.writeNullField("belum_tersentuh");
        else g.writeBooleanField("belum_tersentuh", flag);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  public static byte[] csv(Atlas atlas, RankingQuery q, CsvWriter.Dialect dialect) {
    Period period = q.layer().resolvedPeriod();
    String sector = q.layer().sector().name();
    CsvWriter w = new CsvWriter(dialect);
    w.head("rank", "peringkat").head("code", "kode").head("bps_code", "kode_bps").head("name", "nama").head("kecamatan", "kecamatan")
        .head("kecamatan_code", "kode_kecamatan").head("sector", "sektor").head("period", "periode");
    FiguresJson.csvHead(w);
    w.head("complete", "data_lengkap").head("group", "kelompok").head("belum_tersentuh", "belum_tersentuh");
    w.endRow();
    Map<String, Boolean> untouched = atlas.belumTersentuh(period);
    for (Ranking.Row r : Ranking.rows(atlas, q)) {
      w.integer(r.rank() == null ? null : r.rank().longValue()).text(r.unit().code()).text(r.unit().bpsCode()).text(r.unit().name()).text(r.unit().kecamatan())
          .text(r.unit().kecamatanCode()).text(sector).text(period.toString());
      FiguresJson.csv(w, r.figures());
      w.text(w.dialect() == CsvWriter.Dialect.INDONESIAN ? (r.complete() ? "ya" : "tidak") : String.valueOf(r.complete()))
          .text(r.group()).text(ProgressTable.yesNo(untouched.get(r.unit().code()), w.dialect()));
      w.endRow();
    }
    return w.bytes();
  }
}
