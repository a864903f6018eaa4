package io.github.aelab.models.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.testing.GradientCheck;
import io.github.aelab.core.train.FitSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class SoftmaxRegressionTest {
  static final int DIMS = 6;

  /** Three labelled Gaussian blobs whose means differ along the first three axes. */
  static float[] blobs(int rows, int[] labels, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[rows * DIMS];
    for (int i = 0; i < rows; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < DIMS; j++) {
        x[i * DIMS + j] = (float) (r.nextGaussian() + (j == labels[i] ? 3 : 0));
      }
    }
    return x;
  }

  @Test
  void separatesLinearlySeparableClassesAndBeatsChance() {
    int[] trainLabels = new int[600];
    int[] testLabels = new int[300];
    float[] train = blobs(600, trainLabels, 1);
    float[] test = blobs(300, testLabels, 2);
    var model = new SoftmaxRegression(3, 1e-4, FitSpec.adam(0.05, 30, 32));

    try (var fitted = model.fit(train, DIMS, trainLabels, 7, RuntimeSettings.reproducible())) {
      // Bayes error of these blobs is about 2 %; chance is 67 %.
      assertThat(fitted.errorRate(test, testLabels)).isLessThan(0.06);
    }
  }

  @Test
  void theSameSeedGivesTheSamePredictions() {
    int[] labels = new int[300];
    float[] x = blobs(300, labels, 3);
    var model = new SoftmaxRegression(3, 0, FitSpec.adam(0.05, 3, 32));
    try (var a = model.fit(x, DIMS, labels, 5, RuntimeSettings.reproducible());
        var b = model.fit(x, DIMS, labels, 5, RuntimeSettings.reproducible())) {
      assertThat(a.predict(x)).isEqualTo(b.predict(x));
    }
  }

  @Test
  void crossEntropyMatchesAHandComputation() {
    // logits (1, 2, 3), label 2: -log(e^3 / (e + e^2 + e^3)) = log(1 + e^-1 + e^-2) = 0.4076059
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var ce = SoftmaxRegression.crossEntropyPerRow(tf, tf.constant(new float[][] {{0, 0, 1}}),
          tf.constant(new float[][] {{1, 2, 3}}));
      try (Result r = s.runner().fetch(ce).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat(0)).isCloseTo(0.4076059f, within(1e-6f));
      }
    }
  }

  @Test
  void crossEntropyGradientsPassFiniteDifferences() {
    var check = GradientCheck.standard().check(Shape.of(4), 3, 11, (ctx, x) -> {
      var logits = new DenseBlock.Spec(5, Activation.LINEAR).create("linear").apply(ctx, x);
      var oneHot = ctx.tf().constant(new float[][] {{1, 0, 0, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}});
      return SoftmaxRegression.crossEntropyPerRow(ctx.tf(), oneHot, logits);
    });
    assertThat(check.mismatches()).isEmpty();
  }

  @Test
  void refusesLabelsOutsideTheClasses() {
    var model = new SoftmaxRegression(3, 0, FitSpec.adam(0.05, 1, 2));
    assertThatThrownBy(() -> model.fit(new float[] {0, 1, 2, 3}, 2, new int[] {0, 3}, 1, RuntimeSettings.reproducible()))
        .hasMessageContaining("label 3 of row 1 is outside 0..2");
  }
}
