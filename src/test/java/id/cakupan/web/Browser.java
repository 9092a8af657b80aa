package id.cakupan.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian driven by Debian's chromedriver. Nothing is ever downloaded: the
 * binaries are named explicitly (so Selenium Manager has nothing to look up), and every host name
 * but 127.0.0.1 resolves to nothing, so the page under test cannot reach the internet either.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  // Held so the setting sticks: Selenium warns that it has no DevTools bindings for this Chromium,
  // which these tests do not use (they only send plain CDP commands through chromedriver).
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM_LOG.setLevel(Level.SEVERE);
  }

  final ChromeDriver driver;
  private final Path profile;

  Browser() throws IOException {
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!new File(binary).canExecute()) {
        throw new AssertionError(binary + " is missing: the browser tests need Debian's chromium and chromium-driver "
            + "(./test.sh installs them: apt-get install chromium chromium-driver)");
      }
    }
    profile = Files.createTempDirectory("cakupan-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-features=Translate",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--window-size=1280,800", "--lang=id-ID", "--user-data-dir=" + profile);
    // The console is read back so tests can see e.g. Content-Security-Policy violations.
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    viewport(1280, 800, false);
  }

  /** An exact CSS-pixel viewport (a phone is emulated as mobile, with touch). */
  void viewport(int width, int height, boolean mobile) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** Console errors (level SEVERE) logged since the last call: each call drains the log. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50))
        .withMessage(() -> "waiting for " + what + " (page status " + js("return document.body && document.body.dataset.status")
            + ", url " + driver.getCurrentUrl() + ")")
        .until(condition);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp profile left behind is harmless
      }
    }
  }
}
