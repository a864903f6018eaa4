package io.github.aelab.core.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** Evaluates an output for every row of a matrix, in batches, in evaluation mode. */
public final class Inference {
  private Inference() {}

  /**
   * @param output shape [batch] or [batch, ...]; flattened per row
   * @return row-major results, {@code rows * valuesPerRow}
   */
  public static float[] run(Session session, Operand<TFloat32> input, Operand<TFloat32> output, float[] rows, int cols,
      int batchSize) {
    Feed feed = new Feed(input, rows, cols);
    int n = feed.rowCount();
    long perRow = io.github.aelab.core.graph.Shapes.perExampleSize(output.shape());
    if (perRow < 0) {
      throw new IllegalArgumentException("output " + output.shape() + " has an unknown per-row size");
    }
    float[] out = new float[(int) (n * perRow)];
    try (BatchFeeder feeder = new BatchFeeder(List.of(feed))) {
      for (int from = 0; from < n; from += batchSize) {
        int count = Math.min(batchSize, n - from);
        Session.Runner runner = session.runner().fetch(output);
        feeder.feed(runner, null, from, count);
        try (Result r = runner.run()) {
          TFloat32 t = (TFloat32) r.get(0);
          t.asRawTensor().data().asFloats().read(out, (int) (from * perRow), (int) (count * perRow));
        }
      }
    }
    return out;
  }
}
