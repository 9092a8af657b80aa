package id.cakupan.cli;

import id.cakupan.app.Cakupan;
import id.cakupan.app.Outreach;
import id.cakupan.auth.Principal;
import id.cakupan.cli.ImportFiles.Outcome;
import id.cakupan.config.Config;
import id.cakupan.config.ConfigOptions;
import id.cakupan.coverage.ImportError;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-activities", mixinStandardHelpOptions = true,
    description = "Import outreach activities (SPEC §7) from a CSV: type, status, date, organiser, code[, lon, lat,"
        + " target_group, attendees, registrations, note]; rows with an id replace that activity. The file is stored"
        + " whole or not at all; every bad row is listed with its line number. Exits 1 when the file is rejected.")
final class ImportActivitiesCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV of activities, as GET /api/activities?format=csv writes")
  Path file;

  @Override
  public Integer call() throws Exception {
    return ImportFiles.run(options, file, this::importActivities);
  }

  private Outcome importActivities(Config config, byte[] content, Progress progress) throws Exception {
    try (Cakupan app = Cakupan.open(config, Clock.systemUTC())) {
      Outreach.FileImport result = app.outreach().importCsv(content, Principal.operator(ImportFiles.user()));
      if (!result.accepted()) {
        List<ImportError> errors = new java.util.ArrayList<>(result.errors());
        errors.addAll(result.outOfScope());
        return Outcome.rejected(errors);
      }
      return Outcome.imported(result.created() + " new and " + result.updated() + " replaced activities from " + file);
    }
  }
}
