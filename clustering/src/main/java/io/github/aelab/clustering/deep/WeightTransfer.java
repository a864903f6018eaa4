package io.github.aelab.clustering.deep;

import io.github.aelab.models.HeadGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Copies variable values out of one session and into another graph built the same way, by
 * variable name. A checkpoint would not do: it restores every variable of the graph, and the
 * receiving graph has others (centres, optimizer slots) that the source never had.
 */
final class WeightTransfer {
  private final List<Variable<TFloat32>> variables;
  private final List<Placeholder<TFloat32>> values;
  private final List<Operand<TFloat32>> assigns;

  private WeightTransfer(List<Variable<TFloat32>> variables, List<Placeholder<TFloat32>> values,
      List<Operand<TFloat32>> assigns) {
    this.variables = variables;
    this.values = values;
    this.assigns = assigns;
  }

  /** Builds the assign ops; call before the session opens. */
  static WeightTransfer of(HeadGraph g, List<Variable<TFloat32>> variables) {
    List<Placeholder<TFloat32>> values = new ArrayList<>();
    List<Operand<TFloat32>> assigns = new ArrayList<>();
    for (Variable<TFloat32> v : variables) {
      Placeholder<TFloat32> p = g.tf().placeholder(TFloat32.class, Placeholder.shape(v.shape()));
      values.add(p);
      assigns.add(g.tf().assign(v, p));
    }
    return new WeightTransfer(List.copyOf(variables), values, assigns);
  }

  Map<String, float[]> save(HeadGraph g) {
    Map<String, float[]> out = new LinkedHashMap<>();
    Session s = g.session();
    for (Variable<TFloat32> v : variables) {
      try (Result r = s.runner().fetch(v).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] data = new float[(int) t.size()];
        t.asRawTensor().data().asFloats().read(data);
        out.put(v.op().name(), data);
      }
    }
    return out;
  }

  void load(HeadGraph g, Map<String, float[]> weights) {
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      float[] data = weights.get(v.op().name());
      if (data == null || data.length != v.shape().size()) {
        throw new IllegalArgumentException("the pretrained weights do not fit this autoencoder: variable '"
            + v.op().name() + "' " + (data == null ? "is missing" : "has " + data.length + " values, expected "
            + v.shape().size()));
      }
      try (TFloat32 t = TFloat32.tensorOf(v.shape(), DataBuffers.of(data))) {
        g.session().runner().feed(values.get(i), t).addTarget(assigns.get(i)).run();
      }
    }
  }
}
