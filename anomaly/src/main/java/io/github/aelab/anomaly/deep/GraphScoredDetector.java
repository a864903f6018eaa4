package io.github.aelab.anomaly.deep;

import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.SavedDetector;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;
import io.github.aelab.models.HeadGraph;
import java.nio.file.Path;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A fitted detector whose score is one per-row output of its graph. */
final class GraphScoredDetector implements FittedDetector {
  private final HeadGraph graph;
  private final Operand<TFloat32> score;
  private final double[] trainingScores;

  GraphScoredDetector(HeadGraph graph, Operand<TFloat32> score, Dataset train) {
    this.graph = graph;
    this.score = score;
    this.trainingScores = score(train);
  }

  @Override
  public double[] trainingScores() {
    return trainingScores.clone();
  }

  @Override
  public double[] score(Dataset rows) {
    if (rows.cols() != graph.inputDim()) {
      throw new IllegalArgumentException("the detector takes " + graph.inputDim() + " features, '" + rows.name()
          + "' has " + rows.cols());
    }
    return Rows.toDouble(graph.run(score, rows.features()));
  }

  @Override
  public void save(Path dir) {
    SavedDetector.write(dir, graph.inputDim(), SavedDetector.Graph.of(graph.session(), graph.input(), score), null,
        trainingScores);
  }

  @Override
  public void close() {
    graph.close();
  }
}
