package io.github.aelab.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One PNG of 2-D codes, several methods side by side (PCA beside the autoencoder, as in Hinton
 * and Salakhutdinov's figure 3): each panel a scatter of the first two code units, one colour per
 * label, and the same label-to-colour mapping in every panel.
 */
final class CodeScatterPanels {
  static {
    System.setProperty("java.awt.headless", "true"); // servers and CI have no display
  }

  private static final int PANEL = 640;

  /**
   * Ten well-separated colours (matplotlib's "tab10"), one per label in ascending label order:
   * XChart's default cycle has near-white entries that vanish on a white plot.
   */
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};

  /** One panel: its title and row-major codes of {@code width >= 2} values per row. */
  record Panel(String title, float[] codes, int width) {
    Panel {
      if (width < 2 || codes.length % width != 0) {
        throw new IllegalArgumentException("a scatter panel needs rows of >= 2 values, found width " + width
            + " for " + codes.length + " values");
      }
    }
  }

  private CodeScatterPanels() {}

  static void write(List<Panel> panels, int[] labels, Path file) throws IOException {
    BufferedImage image = new BufferedImage(PANEL * panels.size(), PANEL, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int p = 0; p < panels.size(); p++) {
        g.drawImage(BitmapEncoder.getBufferedImage(chart(panels.get(p), labels)), p * PANEL, 0, null);
      }
    } finally {
      g.dispose();
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  private static XYChart chart(Panel panel, int[] labels) {
    int rows = panel.codes().length / panel.width();
    if (labels.length != rows) {
      throw new IllegalArgumentException("panel '" + panel.title() + "' has " + rows + " rows but there are "
          + labels.length + " labels");
    }
    XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).title(panel.title())
        .xAxisTitle("code 0").yAxisTitle("code 1").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(3);
    // Colours follow the label order, so a label has the same colour in every panel.
    Map<Integer, List<double[]>> byLabel = new TreeMap<>();
    for (int i = 0; i < rows; i++) {
      byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>())
          .add(new double[] {panel.codes()[i * panel.width()], panel.codes()[i * panel.width() + 1]});
    }
    int index = 0;
    for (Map.Entry<Integer, List<double[]>> e : byLabel.entrySet()) {
      double[] xs = e.getValue().stream().mapToDouble(q -> q[0]).toArray();
      double[] ys = e.getValue().stream().mapToDouble(q -> q[1]).toArray();
      XYSeries series = chart.addSeries(String.valueOf(e.getKey()), xs, ys);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(PALETTE[index++ % PALETTE.length]);
    }
    return chart;
  }
}
