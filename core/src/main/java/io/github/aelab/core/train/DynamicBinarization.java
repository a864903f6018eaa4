package io.github.aelab.core.train;

import io.github.aelab.core.data.Binarization;
import org.tensorflow.Session;

/**
 * Dynamic binarization (Burda, Grosse &amp; Salakhutdinov 2016): before every epoch, the rows a
 * stage feeds are redrawn as Bernoulli samples of the grey-level training rows, so the model sees
 * a new binary version of each image every epoch.
 *
 * <p>It rewrites, in place, any training feed whose matrix is {@code fed} (the array handed to the
 * trainer), leaving feeds of other matrices (a layer-wise stage's codes, DEC's targets) alone. The
 * draw is keyed by the seed, the stage name and the epoch, never by call order, so a resumed run
 * sees the bits the uninterrupted one saw.
 */
public final class DynamicBinarization implements TrainingListener {
  private final float[] probabilities;
  private final float[] fed;
  private final long seed;

  /**
   * @param probabilities the grey-level rows, in [0, 1]; copied
   * @param fed the matrix the stages feed, of the same length, rewritten before every epoch
   */
  public DynamicBinarization(float[] probabilities, float[] fed, long seed) {
    if (probabilities.length != fed.length) {
      throw new IllegalArgumentException("fed has " + fed.length + " values, probabilities " + probabilities.length);
    }
    Binarization.requireProbabilities(probabilities, "training rows");
    this.probabilities = probabilities.clone();
    this.fed = fed;
    this.seed = seed;
  }

  @Override
  public void onEpochStart(Stage stage, int epoch, Session session) {
    if (stage.train().stream().anyMatch(f -> f.rows() == fed)) {
      Binarization.sampleInto(probabilities, fed, keyOf(stage.name(), epoch));
    }
  }

  /** The draw's seed for one epoch of one stage (SplitMix-style mixing of the three). */
  long keyOf(String stageName, int epoch) {
    long h = seed * 0x9E3779B97F4A7C15L + stageName.hashCode();
    return h * 0xBF58476D1CE4E5B9L + epoch;
  }
}
