package io.github.aelab.models.regularize;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.data.ZScoreScaler;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.EpochRecord;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.TrainingResult;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Adversarial autoencoder (Makhzani 2015) with a 2-D prior of 10 Gaussians on a circle: held-out
 * codes occupy every component and lie near the components, and prior samples decode to points
 * near the data.
 */
class AdversarialTest {

  @Test
  void codesMatchACircleOfTenGaussiansAndPriorSamplesDecodeToData() {
    Dataset blobs = SyntheticData.gaussianBlobs(3000, 20, 10, 0.5, 7);
    Split split = Splits.trainTest(blobs, 0.8, 7);
    ZScoreScaler scaler = ZScoreScaler.fit(split.train());
    Dataset train = scaler.transform(split.train());
    Dataset test = scaler.transform(split.test());
    Prior prior = Prior.circleMixture(10, 4.0, 0.5);
    Adversarial adversarial = new Adversarial(prior, List.of(64, 64), new OptimizerSpec.Adam(5e-4), new OptimizerSpec.Adam(5e-4));
    AutoencoderSpec spec = AutoencoderSpec.builder(20).hidden(Activation.RELU, 64, 64).code(2, Activation.LINEAR).build();
    try (AutoencoderSession aae = AutoencoderSession.create(spec, List.of(adversarial),
        AutoencoderSession.Plan.of(FitSpec.adam(1e-3, 200, 64)), 3, RuntimeSettings.defaults(), train.rows())) {
      TrainingResult result = aae.fit(train.features(), null, List.of(), null);
      EpochRecord last = result.last();
      assertThat(last.updateLosses()).containsKeys("fit", "discriminator", "generator");

      float[] codes = aae.encode(test.features());
      int n = test.rows();
      int[] occupancy = new int[10];
      int near = 0;
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < 10; c++) {
          double[] centre = prior.centre(c);
          double d = Math.hypot(codes[2 * i] - centre[0], codes[2 * i + 1] - centre[1]);
          if (d < bestDistance) {
            bestDistance = d;
            best = c;
          }
        }
        occupancy[best]++;
        near += bestDistance < 3 * 0.5 ? 1 : 0;
      }
      System.out.printf("adversarial: occupancy %s, within 3 std of a centre %.3f, losses %s%n",
          java.util.Arrays.toString(occupancy), near / (double) n, last.updateLosses());
      for (int c = 0; c < 10; c++) {
        assertThat(occupancy[c] / (double) n).as("component " + c).isBetween(0.02, 0.25);
      }
      assertThat(near / (double) n).isGreaterThan(0.8);

      // Prior samples through the decoder land near the data; random points of the same spread do not.
      SplittableRandom r = new SplittableRandom(1);
      int m = 300;
      float[] z = new float[2 * m];
      float[] noise = new float[20 * m];
      for (int i = 0; i < m; i++) {
        double[] centre = prior.centre(r.nextInt(10));
        z[2 * i] = (float) (centre[0] + 0.5 * r.nextGaussian());
        z[2 * i + 1] = (float) (centre[1] + 0.5 * r.nextGaussian());
        for (int j = 0; j < 20; j++) {
          noise[20 * i + j] = (float) r.nextGaussian(); // z-scored data has unit variance per column
        }
      }
      double decoded = meanNearestDistance(aae.decode(z), train);
      double random = meanNearestDistance(noise, train);
      System.out.printf("adversarial: nearest-neighbour distance of decoded prior samples %.3f, of random points %.3f%n",
          decoded, random);
      assertThat(decoded).isLessThan(0.5 * random);
    }
  }

  static double meanNearestDistance(float[] points, Dataset data) {
    int d = data.cols();
    int m = points.length / d;
    double total = 0;
    for (int i = 0; i < m; i++) {
      double best = Double.MAX_VALUE;
      for (int k = 0; k < data.rows(); k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double diff = points[i * d + j] - data.get(k, j);
          s += diff * diff;
        }
        best = Math.min(best, s);
      }
      total += Math.sqrt(best);
    }
    return total / m;
  }
}
