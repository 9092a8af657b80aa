package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The map page names every module it runs in {@code <link rel="modulepreload">}, so a phone fetches
 * them all at once instead of discovering them import by import (a round trip per level). A module
 * added to an import and not to the page would load late again; this keeps the two lists equal.
 */
class ModulePreloadTest {
  private static final Path WEB = Path.of("web");
  private static final Pattern IMPORT = Pattern.compile("^\\s*(?:import|export)\\b[^;]*?\\bfrom\\s+'(\\./[^']+|\\.\\./[^']+)'",
      Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"/([^\"]+)\">");
  private static final Pattern ENTRY = Pattern.compile("<script type=\"module\" src=\"/([^\"]+)\"></script>");

  @Test
  void theMapPagePreloadsExactlyTheModulesItsScriptImports() throws IOException {
    String html = Files.readString(WEB.resolve("index.html"));
    Matcher entry = ENTRY.matcher(html);
    if (!entry.find()) throw new AssertionError("index.html has no module script");
    Set<String> preloaded = new TreeSet<>();
    for (Matcher m = PRELOAD.matcher(html); m.find(); ) preloaded.add(m.group(1));
    assertEquals(imports(entry.group(1)), preloaded);
  }

  /** The module and every module it imports, directly or not, as paths under web/. */
  static Set<String> imports(String entry) throws IOException {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(entry);
    while (!todo.isEmpty()) {
      String module = todo.poll();
      if (!seen.add(module)) continue;
      Path file = WEB.resolve(module);
      for (Matcher m = IMPORT.matcher(Files.readString(file)); m.find(); ) {
        Path target = WEB.relativize(file.getParent().resolve(m.group(1)).normalize());
        todo.add(target.toString().replace('\\', '/'));
      }
    }
    return seen;
  }
}
