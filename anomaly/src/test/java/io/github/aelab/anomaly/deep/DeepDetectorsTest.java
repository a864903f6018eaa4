package io.github.aelab.anomaly.deep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every deep detector ranks planted outliers above held-out inliers (ROC-AUC at least 0.9, the
 * PyOD-style floor), trained for a few seconds on {@link PlantedOutliers}.
 */
class DeepDetectorsTest {
  private static final long SEED = 11;
  private static PlantedOutliers data;

  @BeforeAll
  static void data() {
    data = PlantedOutliers.oneClass(SEED);
  }

  static AutoencoderSpec autoencoder() {
    return AutoencoderSpec.builder(8).hidden(Activation.TANH, 16).code(3, Activation.LINEAR).build();
  }

  static AutoencoderTraining training() {
    return AutoencoderTraining.of(autoencoder(), FitSpec.adam(3e-3, 40, 32));
  }

  private static double auc(Detector detector) {
    try (FittedDetector fitted = detector.fit(data.train(), SEED)) {
      assertThat(fitted.trainingScores()).hasSize(data.train().rows());
      return data.auc(fitted.score(data.test()));
    }
  }

  @Test
  void reconstructionErrorRanksOutliersFirst() {
    assertThat(auc(new ReconstructionDetector(training()))).isGreaterThanOrEqualTo(0.9);
  }

  /** The centroid score assumes one mode (Cao et al. use it on unimodal normal data), so one blob here. */
  @Test
  void centroidDistanceOnCodesRanksOutliersFirstWhenNormalDataHasOneMode() {
    PlantedOutliers unimodal = PlantedOutliers.oneClass(1, SEED);
    CodeDensityDetector detector = new CodeDensityDetector(training(), new CentroidDetector());
    try (FittedDetector fitted = detector.fit(unimodal.train(), SEED)) {
      assertThat(unimodal.auc(fitted.score(unimodal.test()))).isGreaterThanOrEqualTo(0.9);
    }
  }

  @Test
  void dagmmEnergyRanksOutliersFirst() {
    AutoencoderSpec compression = AutoencoderSpec.builder(8).hidden(Activation.TANH, 16).code(1, Activation.LINEAR).build();
    Dagmm dagmm = new Dagmm(compression, java.util.List.of(10), Activation.TANH, 0.5, 3, 0.1, 0.005, 1e-6,
        FitSpec.adam(3e-3, 60, 64), RuntimeSettings.defaults());
    assertThat(auc(dagmm)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void oneClassNeuralNetworkRanksOutliersFirst() {
    // Measured on this data: sigmoid g reaches AUC 1.0 after 100 epochs at lr 1e-3, 0.73 after 20;
    // a linear or ReLU g stays between 0.5 and 0.94 (the paper offers linear and sigmoid).
    OneClassNeuralNetwork ocnn = new OneClassNeuralNetwork(autoencoder(), 16, Activation.SIGMOID, 0.1,
        FitSpec.adam(3e-3, 30, 32), FitSpec.adam(1e-3, 100, 32), RuntimeSettings.defaults());
    assertThat(auc(ocnn)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void deepSvddRanksOutliersFirst() {
    AutoencoderSpec noBias = AutoencoderSpec.builder(8)
        .encoder(new io.github.aelab.core.block.DenseBlock.Spec(16, Activation.LEAKY_RELU, null, false))
        .code(new io.github.aelab.core.block.DenseBlock.Spec(4, Activation.LINEAR, null, false)).build();
    DeepSvdd svdd = new DeepSvdd(noBias, 1e-6, FitSpec.adam(3e-3, 30, 32), FitSpec.adam(1e-3, 20, 32),
        RuntimeSettings.defaults());
    assertThat(auc(svdd)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void robustDeepAutoencoderRanksOutliersFirstEvenWhenTrainedOnContaminatedRows() {
    RobustDeepAutoencoder rda = new RobustDeepAutoencoder(
        AutoencoderTraining.of(autoencoder(), FitSpec.adam(3e-3, 10, 32)), RobustDeepAutoencoder.Norm.L21, 2.0, 4);
    assertThat(auc(rda)).isGreaterThanOrEqualTo(0.9);
  }
}
