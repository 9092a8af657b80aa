package id.cakupan;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs GDAL's command-line tools, the real GIS client of the acceptance tests. A missing GDAL
 * fails the test (test.sh installs Debian's gdal-bin); it never skips.
 */
public final class Gdal {
  private static final long TIMEOUT_SECONDS = 120;

  private Gdal() {}

  /** What the tool printed (stdout and stderr together), after checking it exited with 0. */
  public static String run(String tool, String... args) throws IOException, InterruptedException {
    Result r = exec(tool, args);
    if (r.exitCode != 0) fail(r.command + " exited with " + r.exitCode + ":\n" + r.output);
    return r.output;
  }

  public record Result(String command, int exitCode, String output) {}

  /** The "Feature Count: N" that {@code ogrinfo -so} printed (the first one, for one layer). */
  public static int featureCount(String ogrinfo) {
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
    assertTrue(m.find(), ogrinfo);
    return Integer.parseInt(m.group(1));
  }

  /** How often {@code needle} occurs in a tool's output, e.g. "OGRFeature(" once per feature listed. */
  public static int count(String output, String needle) {
    int n = 0;
    for (int i = output.indexOf(needle); i >= 0; i = output.indexOf(needle, i + 1)) n++;
    return n;
  }

  public static Result exec(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable(tool).toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    // Answers go through the test's own server; no proxy, no config files of the machine.
    pb.environment().remove("http_proxy");
    pb.environment().remove("HTTP_PROXY");
    pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
    pb.environment().put("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".mvt,.pbf,.json");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
    }
    return new Result(String.join(" ", command), p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static Path executable(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) return candidate;
    }
    Path usual = Path.of("/usr/bin", tool);
    if (Files.isExecutable(usual)) return usual;
    fail("GDAL's " + tool + " is not installed: the GIS acceptance tests need it (Debian: apt-get install gdal-bin;"
        + " ./test.sh installs it)");
    return null;
  }
}
