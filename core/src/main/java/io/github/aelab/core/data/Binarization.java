package io.github.aelab.core.data;

import java.util.SplittableRandom;

/**
 * Stochastic binarization of grey levels in [0, 1]: each value {@code p} becomes 1 with
 * probability {@code p}, else 0. This is how the VAE literature turns MNIST into binary data
 * (Salakhutdinov &amp; Murray 2008; Burda et al. 2016): the test set is binarized once with a fixed
 * seed, and "dynamic" binarization draws the training set afresh every epoch
 * ({@link io.github.aelab.core.train.DynamicBinarization}), which acts as a regularizer.
 *
 * <p>A draw is a function of the seed only, so a run and its resume see the same bits.
 */
public final class Binarization {
  private Binarization() {}

  /** A binarized copy of {@code data}, named {@code <name>-binarized}. */
  public static Dataset sample(Dataset data, long seed) {
    requireProbabilities(data.features(), data.name());
    float[] bits = new float[data.features().length];
    sampleInto(data.features(), bits, seed);
    return new Dataset(data.name() + "-binarized", bits, data.rows(), data.cols(), data.labels(), data.imageShape());
  }

  /** Writes one Bernoulli draw of every probability into {@code bits} (same length). */
  public static void sampleInto(float[] probabilities, float[] bits, long seed) {
    if (bits.length != probabilities.length) {
      throw new IllegalArgumentException("bits has " + bits.length + " values, probabilities " + probabilities.length);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < probabilities.length; i++) {
      // nextDouble() is in [0, 1): p = 0 never fires and p = 1 always does.
      bits[i] = random.nextDouble() < probabilities[i] ? 1f : 0f;
    }
  }

  /**
   * Fails, naming the data, the first offending row and column, when a value is outside [0, 1]:
   * binarizing it would silently clamp.
   */
  public static void requireProbabilities(float[] values, String what) {
    int i = firstOutsideUnitInterval(values);
    if (i >= 0) {
      throw new IllegalArgumentException(what + ": binarization needs values in [0, 1] (scale with min_max), found "
          + values[i]);
    }
  }

  /** The index of the first value outside [0, 1] (NaN included), or -1 when there is none. */
  public static int firstOutsideUnitInterval(float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0f && values[i] <= 1f)) {
        return i;
      }
    }
    return -1;
  }
}
