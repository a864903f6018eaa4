package io.github.aelab.clustering.deep;

import io.github.aelab.core.data.NpyArray;
import io.github.aelab.models.HeadGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  AutoencoderWeights save(HeadGraph g) {
    Map<String, NpyArray> out = new LinkedHashMap<>();
    Session s = g.session();
    for (Variable<TFloat32> v : variables) {
      try (Result r = s.runner().fetch(v).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] data = new float[(int) t.size()];
        t.asRawTensor().data().asFloats().read(data);
        out.put(v.op().name(), new NpyArray("<f4", shape(v), data, null));
      }
    }
    return new AutoencoderWeights(out);
  }

  /**
   * Assigns every variable its value from {@code weights}, which must hold exactly this graph's
   * variables with the same shapes: a missing, extra or reshaped one means the weights were
   * trained for another network, and loading part of them would train from a silent mix.
   *
   * @param source names the weights' origin in the error message (a file, another fit)
   */
  void load(HeadGraph g, AutoencoderWeights weights, String source) {
    Map<String, NpyArray> given = weights.variables();
    List<String> problems = new ArrayList<>();
    for (Variable<TFloat32> v : variables) {
      NpyArray array = given.get(v.op().name());
      if (array == null) {
        problems.add("'" + v.op().name() + "' " + Arrays.toString(shape(v)) + " is missing");
      } else if (!Arrays.equals(array.shape(), shape(v))) {
        problems.add("'" + v.op().name() + "' has shape " + Arrays.toString(array.shape()) + ", this autoencoder's is "
            + Arrays.toString(shape(v)));
      }
    }
    Set<String> names = new LinkedHashSet<>(given.keySet());
    variables.forEach(v -> names.remove(v.op().name()));
    if (!names.isEmpty()) {
      problems.add("this autoencoder has no variable " + names);
    }
    if (!problems.isEmpty()) {
      throw new IncompatibleWeightsException("the pretrained weights " + source + " do not fit this autoencoder: "
          + String.join("; ", problems) + ". They must come from a run with the same model section and input width.");
    }
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      try (TFloat32 t = TFloat32.tensorOf(v.shape(), DataBuffers.of(given.get(v.op().name()).floats()))) {
        g.session().runner().feed(values.get(i), t).addTarget(assigns.get(i)).run();
      }
    }
  }

  private static int[] shape(Variable<TFloat32> v) {
    long[] dims = v.shape().asArray();
    int[] shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = Math.toIntExact(dims[i]);
    }
    return shape;
  }
}
