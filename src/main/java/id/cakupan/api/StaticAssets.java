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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The map page's files (web/ in the jar) and Leaflet's (its WebJar), served as finished bytes:
 * read and gzipped once, with a strong ETag. Leaflet's URLs carry its version, so they are cached
 * for a year as immutable; the page's own files keep their names across releases, so a browser
 * revalidates them (a 304 when unchanged).
 */
final class StaticAssets {
  static final String WEBJARS = "/webjars/";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  private static final String WEB_ROOT = "web/";
  private static final String WEBJAR_ROOT = "META-INF/resources/webjars/";

  private final Map<String, CachedResponse> web;
  /** Only files that exist in a WebJar are kept: a finite set, whatever clients ask. */
  private final Map<String, CachedResponse> webjars = new ConcurrentHashMap<>();

  StaticAssets() {
    this.web = Map.copyOf(readWeb());
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
  private static Map<String, CachedResponse> readWeb() {
    URL index = StaticAssets.class.getClassLoader().getResource(WEB_ROOT + "index.html");
    if (index == null) throw new IllegalStateException("web/index.html is not on the classpath");
    Map<String, CachedResponse> files = new HashMap<>();
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
              files.put(name, CachedResponse.of(in.readAllBytes(), contentType(name)));
            }
          }
        }
      } else {
        Path root = Path.of(index.toURI()).getParent();
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
            String name = root.relativize(p).toString().replace('\\', '/');
            files.put(name, CachedResponse.of(Files.readAllBytes(p), contentType(name)));
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
