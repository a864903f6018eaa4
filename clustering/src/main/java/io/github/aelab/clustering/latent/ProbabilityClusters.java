package io.github.aelab.clustering.latent;

import io.github.aelab.core.stats.Rows;
import io.github.aelab.models.HeadGraph;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.deep.StudentT;
import io.github.aelab.core.data.Dataset;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A trained latent clusterer whose graph computes cluster probabilities directly, a softmax over
 * {@code clusters} units (the GMVAE's q(y|x), the adversarial autoencoder's categorical code):
 * soft assignments are that output, hard ones its argmax. Owns and closes the graph.
 */
final class ProbabilityClusters implements FittedClusterer {
  private final HeadGraph graph;
  private final Operand<TFloat32> probabilities;
  private final int clusters;
  private final double[][] trainingProbabilities;
  private final int[] assignments;

  /** Evaluates {@code probabilities} on {@code trainingRows} once, for the training assignments. */
  ProbabilityClusters(HeadGraph graph, Operand<TFloat32> probabilities, int clusters, float[] trainingRows) {
    this.graph = graph;
    this.probabilities = probabilities;
    this.clusters = clusters;
    this.trainingProbabilities = Rows.of(graph.run(probabilities, trainingRows), clusters);
    this.assignments = StudentT.argmax(trainingProbabilities);
  }

  /** The cluster probabilities of the training rows (not copied: callers must not modify them). */
  double[][] trainingProbabilities() {
    return trainingProbabilities;
  }

  @Override
  public int[] trainingAssignments() {
    return assignments.clone();
  }

  @Override
  public double[][] softAssignments(Dataset rows) {
    if (rows.cols() != graph.inputDim()) {
      throw new IllegalArgumentException("the clusterer was fitted on " + graph.inputDim() + " features, '"
          + rows.name() + "' has " + rows.cols());
    }
    return Rows.of(graph.run(probabilities, rows.features()), clusters);
  }

  @Override
  public void close() {
    graph.close();
  }
}
