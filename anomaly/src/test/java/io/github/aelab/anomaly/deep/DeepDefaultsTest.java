package io.github.aelab.anomaly.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.anomaly.baseline.Baselines;
import org.junit.jupiter.api.Test;

/** The benchmark's default deep detectors: one configuration, sized by fixed rules from the data. */
class DeepDefaultsTest {
  private static int trainedEpochs(String name, int rows) {
    ReconstructionDetector detector = (ReconstructionDetector) DeepDefaults.create(name, 21, rows, Baselines::create);
    return detector.autoencoder().plan().fit().epochs();
  }

  /** About STEPS optimizer steps per fit, within [5, 200] epochs. */
  @Test
  void epochsFollowTheStepBudget() {
    assertThat(DeepDefaults.epochs(6400, 64)).isEqualTo(DeepDefaults.STEPS / 100);
    assertThat(DeepDefaults.epochs(100, 64)).as("tiny sets stop at 200 epochs").isEqualTo(200);
    assertThat(DeepDefaults.epochs(1_000_000, 64)).as("huge sets still get 5 passes").isEqualTo(5);
  }

  /** The VAE's ELBO keeps improving its ranking past the plain autoencoder's budget, so it trains longer. */
  @Test
  void theVaeTrainsFiveTimesTheAutoencodersEpochs() {
    for (int rows : new int[] {300, 6400, 1_000_000}) {
      assertThat(trainedEpochs("vae", rows)).as("%d rows", rows)
          .isEqualTo(DeepDefaults.VAE_EPOCH_FACTOR * trainedEpochs("ae", rows));
    }
    assertThat(DeepDefaults.VAE_EPOCH_FACTOR).isEqualTo(5);
  }

  /** A density on the codes sees what the code keeps, so ae_kde's code does not compress below its hidden layer. */
  @Test
  void theDensityOnCodesKeepsTheInputWidthUpToItsHiddenLayer() {
    assertThat(aeKdeCodeWidth(21)).isEqualTo(21);
    assertThat(aeKdeCodeWidth(784)).as("no wider than the 128 hidden units before it").isEqualTo(128);
    assertThat(((ReconstructionDetector) DeepDefaults.create("ae", 21, 300, Baselines::create)).autoencoder().spec()
        .codeShape().size(0)).as("the reconstruction detectors still compress to a quarter").isEqualTo(5);
  }

  private static long aeKdeCodeWidth(int inputDim) {
    CodeDensityDetector detector = (CodeDensityDetector) DeepDefaults.create("ae_kde", inputDim, 300, Baselines::create);
    return detector.autoencoder().spec().codeShape().size(0);
  }

  @Test
  void anUnknownNameIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> DeepDefaults.create("vea", 21, 100, Baselines::create))
        .hasMessageContaining("'vea'").hasMessageContaining("ae, vae, ae_kde");
  }
}
