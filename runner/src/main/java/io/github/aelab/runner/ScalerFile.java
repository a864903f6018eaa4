package io.github.aelab.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aelab.core.data.MinMaxScaler;
import io.github.aelab.core.data.Scaler;
import io.github.aelab.core.data.ZScoreScaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The scaler fitted on a run's training rows, saved with the run so that new rows are scored the same way. */
final class ScalerFile {
  private ScalerFile() {}

  static Map<String, Object> describe(Scaler scaler) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (scaler instanceof ZScoreScaler z) {
      m.put("kind", "z_score");
      m.put("mean", z.mean());
      m.put("std", z.std());
    } else if (scaler instanceof MinMaxScaler mm) {
      m.put("kind", "min_max");
      m.put("min", mm.min());
      m.put("max", mm.max());
    } else {
      m.put("kind", "none");
    }
    return m;
  }

  /** The saved scaler, or null for "none". */
  static Scaler read(Path file) {
    try {
      JsonNode n = new ObjectMapper().readTree(file.toFile());
      return switch (n.get("kind").asText()) {
        case "z_score" -> new ZScoreScaler(doubles(n.get("mean")), doubles(n.get("std")));
        case "min_max" -> new MinMaxScaler(doubles(n.get("min")), doubles(n.get("max")));
        case "none" -> null;
        default -> throw new IllegalArgumentException(file + ": unknown scaler kind '" + n.get("kind").asText() + "'");
      };
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the run's scaler", e);
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).asDouble();
    }
    return v;
  }
}
