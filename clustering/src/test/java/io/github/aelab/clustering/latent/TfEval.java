package io.github.aelab.clustering.latent;

import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Evaluates a small graph built from constants, for checking graph formulas against hand values. */
final class TfEval {
  private TfEval() {
  }

  /** The {@code size} values of the output {@code build} adds to a fresh graph, flattened. */
  static float[] evaluate(Function<Ops, Operand<TFloat32>> build, int size) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Operand<TFloat32> out = build.apply(Ops.create(g));
      try (Result r = s.runner().fetch(out).run()) {
        float[] values = new float[size];
        ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(values);
        return values;
      }
    }
  }
}
