package id.cakupan.cli;

import id.cakupan.app.Geodata;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.boundary.UnmatchedFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "make-geodata", mixinStandardHelpOptions = true,
    description = "Make the boundary files the product ships (geodata/) from the BPS 2020 kelurahan polygons and the"
        + " Kemendagri crosswalk: both codes and names, RFC 7946, 6 decimals. Prints what could not be matched.")
final class MakeGeodataCommand implements Callable<Integer> {
  @Option(names = "--boundaries", required = true, paramLabel = "FILE",
      description = "BPS 2020 kelurahan polygons, e.g. ../shared/geodata/dki-jakarta-kelurahan-bps2020.geojson")
  Path boundaries;

  @Option(names = "--gazetteer", required = true, paramLabel = "CSV",
      description = "Crosswalk, e.g. ../shared/geodata/dki-jakarta-gazetteer.csv")
  Path gazetteer;

  @Option(names = "--out", defaultValue = "geodata", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    for (Path p : new Path[] {boundaries, gazetteer}) {
      if (!Files.isRegularFile(p)) {
        System.err.println("cakupan: no such file: " + p);
        return ImportFiles.UNUSABLE;
      }
    }
    Geodata.Result result;
    try {
      result = Geodata.make(boundaries, gazetteer, out);
    } catch (BoundaryFormatException e) {
      System.err.println("cakupan: " + e.getMessage());
      return ImportFiles.REJECTED;
    }
    System.out.println("matched " + result.set().kelurahan().size() + " kelurahan");
    for (UnmatchedFeature u : result.set().unmatched()) System.out.println("unmatched, left out: " + u.describe());
    for (Path p : result.written()) System.out.println("wrote " + p + " (" + Files.size(p) + " bytes)");
    return 0;
  }
}
