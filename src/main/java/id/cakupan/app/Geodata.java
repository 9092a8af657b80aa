package id.cakupan.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.boundary.BoundaryMatcher;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.Region;
import id.cakupan.map.GeoJsonGeometryWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;

/**
 * Makes the boundaries the product ships (geodata/) from the BPS 2020 kelurahan polygons and the
 * Kemendagri crosswalk, with the same reader, matcher and GeoJSON writer an import uses: every
 * kelurahan carries both codes and names, geometry is RFC 7946 (CCW exterior rings,
 * MultiPolygon, 6 decimals). What the crosswalk cannot place (the lakes) is left out and reported.
 */
public final class Geodata {
  static final String ATTRIBUTION = "BPS - Statistics Indonesia and OCHA/HDX (COD-AB cod-ab-idn, BPS 2020, CC BY-IGO);"
      + " Kemendagri codes and names from the official regional code list as packaged by idn-area-data (ODbL)";

  private Geodata() {}

  /** What was made: the matched set and the files written. */
  public record Result(BoundarySet set, List<Path> written) {}

  /**
   * Writes one boundary file per {@link Region} ({@code <region boundary resource>}) and the
   * crosswalk of the regions that ship a generated one ({@code dki-jakarta.csv}).
   */
  public static Result make(Path boundaries, Path gazetteerFile, Path outDir) throws IOException, BoundaryFormatException {
    Gazetteer gazetteer = Gazetteer.read(gazetteerFile);
    BoundarySet set = BoundaryMatcher.match(BoundaryFiles.read(boundaries), gazetteer);
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    for (Region region : Region.values()) {
      List<Kelurahan> members = set.kelurahan().stream().filter(k -> region.contains(k.code())).toList();
      Path geojson = outDir.resolve(fileName(region.boundaryResource()));
      writeGeoJson(geojson, region, members, gazetteer);
      written.add(geojson);
    }
    // Jakarta Utara's crosswalk holds SPEC §2's facts as written there; DKI's is made here.
    Region dki = Region.DKI_JAKARTA;
    Path csv = outDir.resolve(fileName(dki.gazetteerResource()));
    writeCrosswalk(csv, set.kelurahan().stream().filter(k -> dki.contains(k.code())).toList(), gazetteer);
    written.add(csv);
    return new Result(set, written);
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  private static void writeGeoJson(Path file, Region region, List<Kelurahan> kelurahan, Gazetteer gazetteer)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("name", region.key() + "-kelurahan");
      g.writeStringField("attribution", ATTRIBUTION);
      g.writeArrayFieldStart("features");
      for (Kelurahan k : kelurahan) {
        // One feature per line keeps a boundary revision readable as a diff.
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", k.code().value());
        g.writeObjectFieldStart("properties");
        g.writeStringField("kode_kemendagri", k.code().value());
        g.writeStringField("kode_bps", k.bpsCode());
        g.writeStringField("kelurahan", k.name());
        g.writeStringField("nama_bps", gazetteer.byCode(k.code()).map(GazetteerEntry::boundaryName)
            .filter(n -> !n.isEmpty()).orElse(k.name()));
        g.writeStringField("kode_kecamatan", k.kecamatanCode());
        g.writeStringField("kecamatan", k.kecamatan());
        g.writeStringField("kode_kota", k.kotaCode());
        g.writeStringField("kota", k.kota());
        g.writeFieldName("luas_km2");
        g.writeRawValue(String.format(Locale.ROOT, "%.3f", k.areaKm2()));
        g.writeEndObject();
        g.writeFieldName("geometry");
        GeoJsonGeometryWriter.write(k.geometry(), g);
        g.writeEndObject();
      }
      g.writeRaw('\n');
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** The crosswalk in the format of geodata/jakarta-utara.csv, with a point inside and the area of each. */
  private static void writeCrosswalk(Path file, List<Kelurahan> kelurahan, Gazetteer gazetteer) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("kode_kemendagri,kode_bps,kelurahan,kecamatan,kota,nama_di_batas_bps2020,lon,lat,luas_km2\n");
      for (Kelurahan k : kelurahan) {
        GazetteerEntry e = gazetteer.byCode(k.code()).orElseThrow();
        Coordinate inside = InteriorPointArea.getInteriorPoint(k.geometry());
        w.write(String.join(",", k.code().value(), k.bpsCode(), k.name(), k.kecamatan(), k.kota(),
            e.boundaryName() == null ? "" : e.boundaryName(),
            String.format(Locale.ROOT, "%.5f", inside.x), String.format(Locale.ROOT, "%.5f", inside.y),
            String.format(Locale.ROOT, "%.2f", k.areaKm2())));
        w.write('\n');
      }
    }
  }
}
