package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;
import java.util.Random;

/**
 * Locality-sensitive hashing by random hyperplanes (Charikar 2002): each bit is the sign of the
 * centred data's projection on a direction with i.i.d. standard Gaussian entries. Two rows at angle
 * {@code theta} (about the training mean) differ in a bit with probability {@code theta / pi}, so
 * Hamming distance estimates angle. Fitting learns only the mean; the directions are data-free and
 * drawn from {@code seed}. The weakest baseline of the semantic-hashing tables.
 *
 * @param bits code length, {@code >= 1}
 */
public record RandomProjectionLsh(int bits) implements HashingMethod {

  public RandomProjectionLsh {
    if (bits < 1) {
      throw new IllegalArgumentException("bits must be >= 1, found " + bits);
    }
  }

  @Override
  public String name() {
    return "lsh";
  }

  /** Centres on {@code train}'s column means and draws the random directions. */
  @Override
  public LinearHasher fit(Dataset train, long seed) {
    if (train.rows() < 1) {
      throw new IllegalArgumentException("LSH needs at least 1 training row to centre on, dataset '"
          + train.name() + "' has none");
    }
    Random rng = new Random(seed);
    double[] projection = new double[Math.multiplyExact(train.cols(), bits)];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = rng.nextGaussian();
    }
    return new LinearHasher(train.columnMeans(), projection, bits);
  }
}
