package id.cakupan.map;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.Set;

/**
 * Which kelurahan lie inside a significant low-coverage cluster in a month: the hot-spot flag of
 * the progress rows. The analysis that answers it sits above this package (it reads the atlas),
 * so it is handed in rather than called from here.
 */
@FunctionalInterface
public interface ClusterLookup {
  /** No analysis: every row's flag is unknown (null). */
  ClusterLookup NONE = (atlas, sector, period) -> null;

  /** @return Kemendagri codes, or null when unknown */
  Set<String> lowCoverageCluster(Atlas atlas, Sector sector, Period period);
}
