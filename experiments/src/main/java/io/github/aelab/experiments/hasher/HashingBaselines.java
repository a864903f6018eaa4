package io.github.aelab.experiments.hasher;

import io.github.aelab.clustering.retrieval.HashingMethod;
import io.github.aelab.clustering.retrieval.PcaItq;
import io.github.aelab.clustering.retrieval.RandomProjectionLsh;
import java.util.List;

/**
 * The names an experiment file may use in {@code evaluation.hashing_baselines}, each fitted on
 * the same database rows at the hasher's number of bits: {@code lsh} (random hyperplanes through
 * the data mean, Charikar 2002) and {@code pca_itq} (PCA then iterative quantization, Gong and
 * Lazebnik 2011), the two the hashing literature tables beside learned codes.
 */
public final class HashingBaselines {
  public static final String LSH = "lsh";
  public static final String PCA_ITQ = "pca_itq";

  private HashingBaselines() {}

  /** Every name, in table order. */
  public static List<String> names() {
    return List.of(LSH, PCA_ITQ);
  }

  public static HashingMethod create(String name, int bits) {
    return switch (name) {
      case LSH -> new RandomProjectionLsh(bits);
      case PCA_ITQ -> new PcaItq(bits);
      default -> throw new IllegalArgumentException("unknown hashing baseline '" + name + "'; known: "
          + String.join(", ", names()));
    };
  }
}
