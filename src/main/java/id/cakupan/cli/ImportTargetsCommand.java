package id.cakupan.cli;

import id.cakupan.app.Cakupan;
import id.cakupan.app.TargetWrites;
import id.cakupan.auth.Principal;
import id.cakupan.cli.ImportFiles.Outcome;
import id.cakupan.config.Config;
import id.cakupan.config.ConfigOptions;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.store.Store;
import id.cakupan.targeting.TargetImport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-targets", mixinStandardHelpOptions = true,
    description = "Import camat targets from a CSV (SPEC §6). The file is imported whole or not at all; every bad row"
        + " is listed with its line number. Rows without periode_dasar take the newest month with coverage data as"
        + " their baseline. Exits 1 when the file is rejected.")
final class ImportTargetsCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV with kode_wilayah|kode_bps|kelurahan+kecamatan,"
      + " sektor, periode, target[, periode_dasar, penanggung_jawab, catatan]")
  Path file;

  @Override
  public Integer call() throws Exception {
    return ImportFiles.run(options, file, this::importTargets);
  }

  private Outcome importTargets(Config config, byte[] content, Progress progress) throws Exception {
    try (Store store = Cakupan.openStore(config)) {
      // Read all coverage only when a row leaves periode_dasar out (national: millions of records).
      TargetWrites writes = new TargetWrites(store, Cakupan.gazetteer(config), Clock.systemDefaultZone(),
          () -> store.coverage().stream().map(CoverageRecord::period).max(Comparator.naturalOrder()).orElse(null),
          () -> { });
      progress.phase("validating and storing into the " + store.kind() + " store");
      // At the machine, with the files in reach: an operator, as the other CLI imports.
      TargetImport result = writes.importFile(file.getFileName().toString(), content,
          Principal.operator(ImportFiles.user()));
      if (!result.accepted()) return Outcome.rejected(result.errors());
      return Outcome.imported(result.targets().size() + " targets from " + file);
    }
  }
}
