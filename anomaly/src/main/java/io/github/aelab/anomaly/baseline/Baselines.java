package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.core.stats.CovarianceType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The classic baselines by name, each in its default configuration, for benchmark tables: one row
 * per entry of {@link #defaults()}, in the order listed there.
 *
 * <p>The defaults are PyOD's where PyOD has the method, with one exception: {@code gmm} chooses
 * its number of components from 1 to 5 by BIC, because PyOD's default single component would
 * repeat the {@code gaussian} row.
 */
public final class Baselines {

  private static final Map<String, Supplier<Detector>> DEFAULTS = defaultsInOrder();

  private Baselines() {
  }

  /** Every baseline's name with a supplier of its default configuration, in table order. */
  public static Map<String, Supplier<Detector>> defaults() {
    return DEFAULTS;
  }

  /** The names of all baselines, in table order. */
  public static List<String> names() {
    return List.copyOf(DEFAULTS.keySet());
  }

  /** The baseline called {@code name} in its default configuration. */
  public static Detector create(String name) {
    Supplier<Detector> supplier = DEFAULTS.get(name);
    if (supplier == null) {
      throw new IllegalArgumentException("unknown baseline \"" + name + "\"; expected one of " + names());
    }
    return supplier.get();
  }

  private static Map<String, Supplier<Detector>> defaultsInOrder() {
    Map<String, Supplier<Detector>> defaults = new LinkedHashMap<>();
    defaults.put("gaussian", GaussianDetector::classic);
    defaults.put("mcd", GaussianDetector::mcd);
    defaults.put("gmm", () -> GmmDetector.selectedByBic(List.of(1, 2, 3, 4, 5), CovarianceType.FULL));
    defaults.put("parzen", ParzenDetector::scott);
    defaults.put("naive_parzen", NaiveParzenDetector::scott);
    defaults.put("ocsvm", OneClassSvmDetector::pyod);
    defaults.put("svdd", SvddDetector::defaults);
    defaults.put("pca", PcaDetector::defaults);
    defaults.put("rpca", RobustPcaDetector::defaults);
    defaults.put("iforest", IsolationForestDetector::defaults);
    defaults.put("knn", KnnDetector::pyod);
    return Collections.unmodifiableMap(defaults);
  }
}
