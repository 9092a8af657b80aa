package id.cakupan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar cakupan.jar <command>}. */
@Command(name = "cakupan", mixinStandardHelpOptions = true, version = "cakupan 0.1",
    description = "BPJS Ketenagakerjaan coverage by kelurahan: choropleth maps, rankings and GIS layers.",
    subcommands = {ServeCommand.class, ImportCoverageCommand.class, ImportBoundariesCommand.class, ImportPointsCommand.class, ImportTargetsCommand.class, TokenCommand.class, ImportActivitiesCommand.class,
        MakeGeodataCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }
}
