/**
 * The {@code clusterer:} section of an experiment file: one spec record per deep clusterer of
 * the clustering module (DEC, IDEC), each building its {@link io.github.aelab.clustering.Clusterer}
 * from the experiment's autoencoder, regularizers, training plan and runtime ({@link
 * io.github.aelab.experiments.clusterer.ClustererTraining}), so a clusterer is the same object
 * whether it comes from YAML or from Java; and the names of the classic baselines measured beside
 * it ({@link io.github.aelab.experiments.clusterer.ClusteringBaselines}).
 */
package io.github.aelab.experiments.clusterer;
