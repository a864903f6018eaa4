package io.github.aelab.clustering.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartsTest {

  /** A stand-in model that only records its seed and whether it was closed. */
  private static final class Model implements FittedClusterer {
    final long seed;
    boolean closed;

    Model(long seed) {
      this.seed = seed;
    }

    @Override
    public int[] trainingAssignments() {
      return new int[0];
    }

    @Override
    public double[][] softAssignments(Dataset rows) {
      return new double[0][];
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void keepsTheLowestScoreAndClosesTheOthers() {
    List<Model> trained = new ArrayList<>();
    double[] scores = {3, 1, 2, 1};
    Model best = Restarts.best(4, 42, seed -> {
      Model m = new Model(seed);
      double score = scores[trained.size()];
      trained.add(m);
      return new Restarts.Trained<>(m, score);
    });
    assertThat(best).isSameAs(trained.get(1));
    assertThat(trained.get(0).seed).as("the first restart uses the seed itself").isEqualTo(42);
    assertThat(trained.stream().map(m -> m.seed).distinct().count()).isEqualTo(4);
    assertThat(trained).filteredOn(m -> m.closed).hasSize(3).doesNotContain(best);
  }

  @Test
  void closesTheBestSoFarWhenALaterTrainingFails() {
    List<Model> trained = new ArrayList<>();
    assertThatThrownBy(() -> Restarts.best(3, 1, seed -> {
      if (trained.size() == 1) {
        throw new IllegalStateException("diverged");
      }
      Model m = new Model(seed);
      trained.add(m);
      return new Restarts.Trained<>(m, 0);
    })).hasMessage("diverged");
    assertThat(trained.get(0).closed).isTrue();
  }
}
