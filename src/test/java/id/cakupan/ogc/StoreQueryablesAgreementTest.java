package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.cakupan.ogc.filter.Queryables;
import id.cakupan.store.CoverageQueryables;
import id.cakupan.store.KelurahanQueryables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store lists what its filters may name beside the OGC layer's published queryables (the store cannot see the
 * OGC layer above it); a filter the OGC layer accepts must mean the same in the store, so the names and types agree.
 */
class StoreQueryablesAgreementTest {
  static Map<String, String> typesByName(Queryables q) {
    Map<String, String> out = new LinkedHashMap<>();
    q.all().forEach(x -> out.put(x.name(), x.type().name()));
    return out;
  }

  @Test
  void theKelurahanCollectionNamesWhatTheStoreFiltersKelurahanBy() {
    assertEquals(typesByName(OgcQueryables.of(OgcCollection.KELURAHAN)), typesByName(KelurahanQueryables.QUERYABLES));
  }

  @Test
  void theCoverageKelurahanCollectionNamesWhatTheStoreFiltersCoverageBy() {
    assertEquals(typesByName(OgcQueryables.of(OgcCollection.COVERAGE_KELURAHAN)),
        typesByName(CoverageQueryables.QUERYABLES));
  }
}
