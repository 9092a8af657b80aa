package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The map page's files (web/ in the jar) and Leaflet's (its WebJar), served as finished bytes:
 * read and gzipped once, with a strong ETag; the pages carry their own stylesheets inline (see
 * {@link #inlineStylesheets}). Leaflet's URLs carry its version, so they are cached
 * for a year as immutable; the page's own files keep their names across releases, so a browser
 * revalidates them (a 304 when unchanged).
 */
final class StaticAssets {
  static final String WEBJARS = "/webjars/";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  private static final String WEB_ROOT = "web/";
  private static final String WEBJAR_ROOT = "META-INF/resources/webjars/";

  /** A page's own stylesheet ({@code /app.css}, not Leaflet's under /webjars/), inlined into the page. */
  private static final Pattern OWN_STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"/([A-Za-z0-9_-]+\\.css)\">");

  private final Map<String, CachedResponse> web;
  /** The inlined stylesheets as CSP hash sources ({@code 'sha256-…'}), for style-src. */
  private final List<String> inlineStyleHashes;
  /** Only files that exist in a WebJar are kept: a finite set, whatever clients ask. */
  private final Map<String, CachedResponse> webjars = new ConcurrentHashMap<>();

  StaticAssets() {
    Map<String, byte[]> files = readWeb();
    Set<String> hashes = new TreeSet<>();
    Map<String, CachedResponse> responses = new HashMap<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      byte[] body = f.getKey().endsWith(".html") ? inlineStylesheets(f.getValue(), files, hashes) : f.getValue();
      responses.put(f.getKey(), CachedResponse.of(body, contentType(f.getKey())));
    }
    this.web = Map.copyOf(responses);
    this.inlineStyleHashes = List.copyOf(hashes);
  }

  List<String> inlineStyleHashes() {
    return inlineStyleHashes;
  }

  /**
   * The page with its own stylesheets in {@code <style>} elements: a stylesheet linked in the head
   * blocks the first paint for a round trip more (on a phone's link, a third of a second), and the
   * pages' stylesheets are a few KB gzipped. Each inlined text's hash is added to {@code hashes}
   * so the Content-Security-Policy admits exactly these styles and no other inline one.
   */
  static byte[] inlineStylesheets(byte[] page, Map<String, byte[]> files, Set<String> hashes) {
    Matcher m = OWN_STYLESHEET.matcher(new String(page, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      byte[] css = files.get(m.group(1));
      String replacement = m.group();
      if (css != null) {
        // The parser turns CR LF into LF in the element's text, and the hash is of that text.
        String text = new String(css, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!text.toLowerCase(Locale.ROOT).contains("</style")) {
          hashes.add("'sha256-" + Base64.getEncoder().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8))) + "'");
          replacement = "<style>" + text + "</style>";
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void get(Context ctx) {
    String path = ctx.path();
    if (path.startsWith(WEBJARS)) {
      CachedResponses.send(ctx, webjar(path.substring(WEBJARS.length())), IMMUTABLE);
      return;
    }
    CachedResponse file = web.get(path.equals("/") ? "index.html" : path.substring(1));
    if (file == null) throw new NotFoundResponse();
    CachedResponses.send(ctx, file, REVALIDATE);
  }

  private CachedResponse webjar(String name) {
    if (name.isEmpty() || name.contains("..") || name.contains("//") || name.endsWith("/")) throw new NotFoundResponse();
    CachedResponse known = webjars.get(name);
    if (known != null) return known;
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(WEBJAR_ROOT + name)) {
      if (in == null) throw new NotFoundResponse();
      CachedResponse r = CachedResponse.of(in.readAllBytes(), contentType(name));
      webjars.put(name, r);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under web/ on the classpath, by its path below web/: a directory in development, the jar in production. */
  private static Map<String, byte[]> readWeb() {
    URL index = StaticAssets.class.getClassLoader().getResource(WEB_ROOT + "index.html");
    if (index == null) throw new IllegalStateException("web/index.html is not on the classpath");
    Map<String, byte[]> files = new HashMap<>();
    try {
      if (index.getProtocol().equals("jar")) {
        JarURLConnection jar = (JarURLConnection) index.openConnection();
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
          Enumeration<JarEntry> entries = file.entries();
          while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            if (e.isDirectory() || !e.getName().startsWith(WEB_ROOT)) continue;
            try (InputStream in = file.getInputStream(e)) {
              String name = e.getName().substring(WEB_ROOT.length());
              files.put(name, in.readAllBytes());
            }
          }
        }
      } else {
        Path root = Path.of(index.toURI()).getParent();
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
            String name = root.relativize(p).toString().replace('\\', '/');
            files.put(name, Files.readAllBytes(p));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the map page's files", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "json", "map" -> "application/json";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "md", "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }
}
