package id.cakupan.cli;

import id.cakupan.app.Cakupan;
import id.cakupan.app.Imports;
import id.cakupan.cli.ImportFiles.Outcome;
import id.cakupan.config.Config;
import id.cakupan.config.ConfigOptions;
import id.cakupan.coverage.CoverageImport;
import id.cakupan.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-coverage", mixinStandardHelpOptions = true,
    description = "Import monthly participation counts from a CSV (SPEC §3). The file is imported whole or not at all;"
        + " every bad row is listed with its line number. Exits 1 when the file is rejected.")
final class ImportCoverageCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV with kode_wilayah|kode_bps|kelurahan+kecamatan,"
      + " periode, sektor, peserta_aktif[, tenaga_kerja]")
  Path file;

  @Override
  public Integer call() throws Exception {
    return ImportFiles.run(options, file, this::importCoverage);
  }

  private Outcome importCoverage(Config config, byte[] content, Progress progress) throws Exception {
    try (Store store = Cakupan.openStore(config)) {
      Imports imports = new Imports(store, Cakupan.gazetteer(config), Clock.systemDefaultZone(), () -> { })
          .withProgress((done, total) -> progress.bar("rows stored", done, total));
      progress.phase("validating and storing into the " + store.kind() + " store");
      CoverageImport result = imports.coverage(file.getFileName().toString(), content, ImportFiles.user());
      if (!result.accepted()) return Outcome.rejected(result.errors());
      return Outcome.imported(result.records().size() + " rows from " + file);
    }
  }
}
