package io.github.aelab.clustering.retrieval;

import java.nio.file.Path;

/**
 * A hasher that holds a trained TensorFlow graph (the autoencoder hashers): it can be written as
 * a SavedModel whose {@value #HASH_SIGNATURE} signature maps rows {@code x} to their bits, so any
 * TensorFlow runtime, and {@code aelab score}, hashes new rows without Java code. Close it when
 * done: it holds a session.
 */
public interface ExportableHasher extends Hasher, AutoCloseable {

  /** The signature that maps {@link #INPUT} to {@link #BITS} (0/1 floats, bit 0 first); also the default. */
  String HASH_SIGNATURE = "hash";
  String INPUT = "x";
  String BITS = "bits";

  /** Writes the trained hasher as a SavedModel into {@code dir}, which must not exist. */
  void export(Path dir);

  @Override
  void close();
}
