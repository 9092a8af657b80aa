package id.cakupan.map;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The lines above a spreadsheet export, in Bahasa Indonesia: what the table is, for which
 * kecamatan, sector and month, and where its figures come from. A printed or forwarded file
 * has to say this itself; the URL it came from is gone.
 */
public final class SheetTitle {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("id-ID"));

  private SheetTitle() {}

  /**
   * @param what e.g. "Peringkat kelurahan"
   * @param kecamatanCode null for the whole region
   */
  public static List<String> lines(Atlas atlas, String what, String kecamatanCode, Sector sector, Period period) {
    String where = kecamatanCode == null ? "semua kecamatan" : "Kecamatan " + kecamatanName(atlas, kecamatanCode)
        + " (" + kecamatanCode + ")";
    return List.of(
        what + " — " + where + " — sektor " + sectorName(sector) + " — " + monthName(period),
        "Sumber: " + provenance(atlas));
  }

  public static String kecamatanName(Atlas atlas, String kecamatanCode) {
    MapUnit u = atlas.geography().unit(kecamatanCode);
    return u == null ? kecamatanCode : u.name();
  }

  /** "Oktober 2026". */
  public static String monthName(Period period) {
    return MONTH.format(period.month());
  }

  public static String sectorName(Sector sector) {
    return switch (sector) {
      case ALL -> "semua (PU + BPU + Jakon)";
      case PU -> "Penerima Upah (PU)";
      case BPU -> "Bukan Penerima Upah (BPU)";
      case JAKON -> "Jasa Konstruksi (Jakon)";
    };
  }

  /** Where the counts and the boundaries come from, and whether either is made up. */
  public static String provenance(Atlas atlas) {
    String data = atlas.synthetic()
        ? "data peserta SINTETIS (contoh untuk demonstrasi, bukan data BPJS Ketenagakerjaan)"
        : "data peserta BPJS Ketenagakerjaan yang diimpor ke cakupan";
    String borders = atlas.schematic()
        ? "batas wilayah skematis (bukan batas resmi)"
        : "batas wilayah " + fileName(atlas.boundaries().source());
    return data + "; " + borders + ".";
  }

  /** A server path says nothing to the reader and something to an attacker: only the file name. */
  private static String fileName(String source) {
    return source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
  }
}
