package id.cakupan.analysis;

import id.cakupan.SharedGeodata;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryMatcher;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * BPU coverage for Jakarta Utara with one block of many uncovered workers around Rawa Badak
 * Utara, straddling the Koja / Tanjung Priok border, for hot-spot tests on the real boundaries.
 */
public final class ClusterData {
  /** Koja's Rawa Badak Utara, Rawa Badak Selatan, Koja and Tugu Utara, and Tanjung Priok's Sungai Bambu and Kebon Bawang. */
  public static final Set<String> CLUSTER = Set.of(
      "31.72.03.1004", "31.72.03.1006", "31.72.03.1001", "31.72.03.1002", "31.72.02.1004", "31.72.02.1005");
  /** Pluit: its BPU workforce is unknown. */
  public static final String UNKNOWN_WORKFORCE = "31.72.01.1005";
  public static final Period PERIOD = Period.of(2026, 10);
  public static final long WORKFORCE = 10_000;

  private ClusterData() {}

  public static BoundarySet jakartaUtara() throws Exception {
    return BoundaryMatcher.match(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.SHAPEFILE)), Gazetteer.builtIn());
  }

  /** Uncovered BPU workers of a kelurahan: 5,000-5,500 in the cluster, 1,000-1,300 elsewhere. */
  public static long uncovered(String code) {
    int ripple = Math.floorMod(code.hashCode(), 4) * 100;
    return CLUSTER.contains(code) ? 5_000 + ripple + 100 : 1_000 + ripple;
  }

  public static List<CoverageRecord> records(BoundarySet boundaries) {
    List<CoverageRecord> out = new ArrayList<>();
    for (Kelurahan k : boundaries.kelurahan()) {
      String c = k.code().value();
      Long workforce = c.equals(UNKNOWN_WORKFORCE) ? null : WORKFORCE;
      out.add(new CoverageRecord(k.code(), PERIOD, Sector.BPU, WORKFORCE - uncovered(c), workforce));
    }
    return out;
  }

  /** The same records as a coverage CSV for the import endpoint. */
  public static String csv(BoundarySet boundaries) {
    StringBuilder sb = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
    for (CoverageRecord r : records(boundaries)) {
      sb.append(r.code().value()).append(',').append(r.period()).append(",BPU,").append(r.participants()).append(',')
          .append(r.workforce() == null ? "" : r.workforce()).append('\n');
    }
    return sb.toString();
  }
}
