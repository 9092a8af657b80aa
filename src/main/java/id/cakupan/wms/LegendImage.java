package id.cakupan.wms;

import id.cakupan.map.Legend;
import id.cakupan.map.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A GetLegendGraphic PNG drawn from the choropleth's own {@link Legend}: its colours and its
 * Indonesian labels (LegendLabels), a row per class and one for "Tidak ada data". The size is
 * fixed, so the capabilities can state it in every LegendURL without drawing the legend.
 */
public final class LegendImage {
  public static final int WIDTH = 260;
  /** Rows for the most classes a WMS style draws (its default 5, or fewer when values tie) and no data. */
  static final int ROWS = 6;
  static final int ROW_HEIGHT = 20;
  static final int TITLE_HEIGHT = 24;
  public static final int HEIGHT = TITLE_HEIGHT + ROWS * ROW_HEIGHT + 6;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color TEXT = new Color(0x1d, 0x23, 0x2a);

  static {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  private LegendImage() {}

  public static byte[] png(Legend legend) {
    List<String> colors = legend.colors();
    List<String> labels = legend.labels();
    int rows = colors.size() + 1;
    int height = Math.max(HEIGHT, TITLE_HEIGHT + rows * ROW_HEIGHT + 6);
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(255, 255, 255, 235));
      g.fillRect(0, 0, WIDTH, height);
      g.setFont(TITLE);
      g.setColor(TEXT);
      String unit = legend.metric().unit();
      g.drawString(fit(g, legend.metric().label() + (unit.isEmpty() ? "" : " (" + unit + ")"), WIDTH - 12), 6, 16);
      g.setFont(LABEL);
      for (int r = 0; r < rows; r++) {
        boolean noData = r == colors.size();
        int y = TITLE_HEIGHT + r * ROW_HEIGHT;
        g.setColor(Color.decode(noData ? Palette.NO_DATA : colors.get(r)));
        g.fillRect(6, y, 24, 14);
        g.setColor(MapImage.BORDER);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(6, y, 24, 14);
        g.setColor(TEXT);
        g.drawString(fit(g, noData ? "Tidak ada data" : labels.get(r), WIDTH - 44), 38, y + 11);
      }
    } finally {
      g.dispose();
    }
    return MapImage.encode(image);
  }

  /** The text, shortened with an ellipsis to fit {@code width} pixels. */
  private static String fit(Graphics2D g, String text, int width) {
    FontMetrics m = g.getFontMetrics();
    if (m.stringWidth(text) <= width) return text;
    String s = text;
    while (!s.isEmpty() && m.stringWidth(s + "…") > width) s = s.substring(0, s.length() - 1);
    return s + "…";
  }
}
