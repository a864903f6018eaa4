package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.baseline.Baselines;
import io.github.aelab.anomaly.deep.CentroidDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * The names an experiment file may use for classic anomaly detectors: the anomaly module's
 * baselines (for {@code evaluation.detector_baselines}), and for a density on codes the same plus
 * {@code centroid}, which only makes sense on an autoencoder's codes.
 */
public final class AnomalyBaselines {
  public static final String CENTROID = "centroid";

  private AnomalyBaselines() {}

  /** Baselines that can run beside a detector, in table order. */
  public static List<String> names() {
    return Baselines.names();
  }

  /** The baseline {@code name} in its default configuration; the message lists the known names. */
  public static Detector create(String name) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException("unknown anomaly baseline '" + name + "'; known: " + String.join(", ", names()));
    }
    return Baselines.create(name);
  }

  /** What {@code code_density} may fit on the codes. */
  public static List<String> densityNames() {
    List<String> names = new ArrayList<>();
    names.add(CENTROID);
    names.addAll(names());
    return List.copyOf(names);
  }

  /** The density {@code name} for codes; the message lists the known names. */
  public static Detector density(String name) {
    if (CENTROID.equals(name)) {
      return new CentroidDetector();
    }
    if (!names().contains(name)) {
      throw new IllegalArgumentException("unknown density '" + name + "'; known: " + String.join(", ", densityNames()));
    }
    return Baselines.create(name);
  }
}
