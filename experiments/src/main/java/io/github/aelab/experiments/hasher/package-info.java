/**
 * The {@code hasher:} section of an experiment file: learned binary codes for retrieval
 * ({@link io.github.aelab.experiments.hasher.SemanticHashingSpec}), each building its
 * {@link io.github.aelab.clustering.retrieval.HashingMethod} from the experiment's autoencoder and
 * training plan, and the names of the classic hashing baselines measured beside it
 * ({@link io.github.aelab.experiments.hasher.HashingBaselines}).
 */
package io.github.aelab.experiments.hasher;
