package io.github.aelab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.data.Dataset;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DimensionalityReductionBenchmarkTest {

  @Test
  void squaredErrorIsSummedOverPixelsAndAveragedOverImages() {
    Dataset two = new Dataset("two", new float[] {0, 1, 1, 0.5f}, 2, 2, null);
    // Row 0: errors 0.5 and 0 -> 0.25; row 1: 0 and 0.5 -> 0.25; mean 0.25.
    float[] reconstruction = {0.5f, 1, 1, 1};

    assertThat(DimensionalityReductionBenchmark.sumSquaredErrorPerRow(two, reconstruction)).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void theCodesPlotPutsOnePanelPerMethodSideBySide(@TempDir Path tmp) throws Exception {
    float[] codes = {0, 0, 1, 1, 2, 0.5f, 3, 2};
    int[] labels = {0, 1, 0, 1};
    Path file = tmp.resolve("codes.png");

    CodeScatterPanels.write(List.of(new CodeScatterPanels.Panel("a", codes, 2),
        new CodeScatterPanels.Panel("b", codes, 2)), labels, file);

    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(2 * image.getHeight());
  }

  @Test
  void defaultsAreTheRecordedBudget() {
    DimensionalityReductionBenchmark bench = new DimensionalityReductionBenchmark();
    new CommandLine(bench).parseArgs();

    assertThat(bench.dims).containsExactly(2, 10, 30);
    assertThat(bench.k).isEqualTo(5);
    assertThat(bench.spec(30).codeShape().size(0)).isEqualTo(30);
    assertThat(bench.spec(30).encoder()).hasSize(3);
  }
}
