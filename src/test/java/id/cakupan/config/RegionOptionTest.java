package id.cakupan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.Region;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --region takes the names people type, and a wrong one is a usage error that lists the right ones. */
class RegionOptionTest {
  private static Config parse(String... args) {
    ConfigOptions options = new ConfigOptions();
    new CommandLine(options).parseArgs(args);
    return options.toConfig();
  }

  @Test
  void defaultsToJakartaUtaraAndTakesDkiJakarta() {
    // The test JVM has no CAKUPAN_REGION, so the default applies.
    assertEquals(Region.JAKARTA_UTARA, parse().region());
    assertEquals(Region.DKI_JAKARTA, parse("--region", "dki-jakarta").region());
    assertEquals(Region.DKI_JAKARTA, parse("--region", " DKI-Jakarta ").region());
  }

  @Test
  void anUnknownRegionIsAUsageErrorNamingTheChoices() {
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> parse("--region", "bandung"));
    assertTrue(e.getMessage().contains("jakarta-utara or dki-jakarta"), e.getMessage());
  }
}
