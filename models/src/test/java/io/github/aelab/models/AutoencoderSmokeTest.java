package io.github.aelab.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.TrainingResult;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoencoderSmokeTest {
  @Test
  void trainsAndLowersLoss() {
    Random r = new Random(1);
    int n = 512, d = 8;
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      double t = r.nextDouble();
      for (int j = 0; j < d; j++) x[i * d + j] = (float) Math.sin((j + 1) * t);
    }
    AutoencoderSpec spec = AutoencoderSpec.builder(d).hidden(Activation.TANH, 16).code(2, Activation.LINEAR).build();
    try (AutoencoderSession ae = AutoencoderSession.create(spec, AutoencoderSession.Plan.of(FitSpec.adam(1e-2, 20, 64)),
        7, RuntimeSettings.reproducible(), n)) {
      TrainingResult result = ae.fit(x, null, List.of(), null);
      System.out.println(result.history().get(0).trainLoss() + " -> " + result.last().trainLoss());
      assertThat(result.last().trainLoss()).isLessThan(result.history().get(0).trainLoss() / 3);
      assertThat(ae.score(x)).hasSize(n);
    }
  }
}
