/**
 * The {@code detector:} section of an experiment file: one spec record per deep anomaly detector
 * of the anomaly module, each building its {@link io.github.aelab.anomaly.Detector} from the
 * experiment's autoencoder, regularizers, training plan and runtime ({@link
 * io.github.aelab.experiments.detector.DetectorTraining}), so a detector is the same object
 * whether it comes from YAML or from Java.
 */
package io.github.aelab.experiments.detector;
