package io.github.aelab.clustering.latent;

import io.github.aelab.clustering.FittedClusterer;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Best of several trainings from different seeds, as k-means keeps its best restart: the latent
 * clusterers' objectives have local optima where two true clusters share one component while
 * another stays empty, and gradient steps rarely leave them (nothing breaks the tie between the
 * two clusters), so a fresh start is the cheap way out.
 */
final class Restarts {
  private Restarts() {
  }

  /** A trained model and its score; lower is better. */
  record Trained<T extends FittedClusterer>(T model, double score) {
  }

  /**
   * Trains {@code restarts} models, the first from {@code seed} itself and the others from seeds
   * drawn from it, and returns the lowest-scoring one (the first of equals); the others are
   * closed, and so is everything when a training fails.
   */
  static <T extends FittedClusterer> T best(int restarts, long seed, LongFunction<Trained<T>> train) {
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be >= 1, found " + restarts);
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    Trained<T> best = null;
    try {
      for (int r = 0; r < restarts; r++) {
        Trained<T> next = train.apply(r == 0 ? seed : seeds.nextLong());
        if (best == null || next.score() < best.score()) {
          if (best != null) {
            best.model().close();
          }
          best = next;
        } else {
          next.model().close();
        }
      }
      return best.model();
    } catch (RuntimeException e) {
      if (best != null) {
        best.model().close();
      }
      throw e;
    }
  }
}
