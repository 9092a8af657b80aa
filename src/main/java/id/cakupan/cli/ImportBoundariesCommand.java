package id.cakupan.cli;

import id.cakupan.app.BoundaryChanges;
import id.cakupan.app.Cakupan;
import id.cakupan.app.Imports;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.config.ConfigOptions;
import id.cakupan.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import-boundaries", mixinStandardHelpOptions = true,
    description = "Replace the kelurahan boundaries from a GeoJSON, GeoPackage, Shapefile or zipped Shapefile,"
        + " in one transaction. Prints what changed: added, removed, geometry changed, unmatched.")
final class ImportBoundariesCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(index = "0", paramLabel = "FILE") Path file;

  @Option(names = "--dry-run", description = "Only show what would change")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      System.err.println("cakupan: no such file: " + file);
      return ImportFiles.UNUSABLE;
    }
    var config = options.toConfig();
    try (Store store = Cakupan.openStore(config)) {
      Imports imports = new Imports(store, Cakupan.gazetteer(config), Clock.systemDefaultZone(), () -> { });
      // A Shapefile's siblings (.shx, .dbf, .prj) are read from beside it, so pass the path when we can.
      BoundaryChanges changes = imports.boundaries(file, ImportFiles.user(), dryRun);
      changes.describe().forEach(System.out::println);
      System.out.println(dryRun ? "dry run: nothing stored" : "imported into the " + store.kind() + " store");
      return 0;
    } catch (BoundaryFormatException e) {
      System.err.println("cakupan: rejected: " + e.getMessage());
      return ImportFiles.REJECTED;
    }
  }
}
