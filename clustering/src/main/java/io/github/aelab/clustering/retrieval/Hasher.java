package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;

/** A fitted hash function: maps rows of {@link #dims()} features to codes of {@link #bits()} bits. */
public interface Hasher {

  /** Number of input columns. */
  int dims();

  /** Code length. */
  int bits();

  /** The code of every row of {@code rows}. */
  BinaryCodes encode(Dataset rows);
}
