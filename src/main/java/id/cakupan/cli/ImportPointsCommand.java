package id.cakupan.cli;

import id.cakupan.app.Cakupan;
import id.cakupan.app.Imports;
import id.cakupan.app.PointsResult;
import id.cakupan.cli.ImportFiles.Outcome;
import id.cakupan.config.Config;
import id.cakupan.config.ConfigOptions;
import id.cakupan.coverage.ParticipantPoint;
import id.cakupan.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-points", mixinStandardHelpOptions = true,
    description = "Count participant points (CSV lon,lat,periode,sektor in WGS 84, one row per participant or employer)"
        + " into the kelurahan that covers each. Points outside every kelurahan are listed, not counted."
        + " Exits 1 when the file is rejected.")
final class ImportPointsCommand implements Callable<Integer> {
  /** Outside points listed one per line; the rest are counted. */
  private static final int LISTED = 50;

  @Mixin ConfigOptions options;

  @Parameters(index = "0", paramLabel = "FILE") Path file;

  @Override
  public Integer call() throws Exception {
    return ImportFiles.run(options, file, this::importPoints);
  }

  private Outcome importPoints(Config config, byte[] content, Progress progress) throws Exception {
    try (Store store = Cakupan.openStore(config)) {
      if (!store.hasBoundaries()) {
        System.err.println("cakupan: the " + store.kind() + " store has no boundaries yet; run import-boundaries first");
        return Outcome.unusable();
      }
      progress.phase("locating points and storing counts in the " + store.kind() + " store");
      PointsResult r = new Imports(store, Cakupan.gazetteer(config), Clock.systemDefaultZone(), () -> { })
          .points(file.getFileName().toString(), content, ImportFiles.user());
      if (!r.accepted()) return Outcome.rejected(r.errors());
      List<String> notes = new ArrayList<>();
      notes.add("outside every kelurahan (not counted): " + r.outside().size());
      r.outside().stream().limit(LISTED).forEach((ParticipantPoint p) ->
          notes.add("  line " + p.line() + ": " + p.lon() + ", " + p.lat()));
      if (r.outside().size() > LISTED) notes.add("  ... and " + (r.outside().size() - LISTED) + " more");
      return Outcome.imported(r.points() + " points into " + r.records() + " kelurahan/month/sector counts", notes);
    }
  }
}
