package io.github.aelab.core.testing;

import io.github.aelab.core.graph.BuildContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Checks TensorFlow's symbolic gradients against central finite differences, for the input of a
 * function and for every variable it creates.
 *
 * <p>The function under test maps an input batch to any tensor {@code y}; the checked scalar is
 * {@code sum(y * R)} with a fixed random {@code R}, so every output element contributes with its
 * own weight. A random subset of coordinates of each tensor is perturbed by ±eps in float32;
 * the tolerance accounts for float32 rounding ({@code atol}) and truncation ({@code rtol}).
 */
public final class GradientCheck {
  private final double eps;
  private final double rtol;
  private final double atol;
  private final int coordinates;
  private final boolean training;

  private GradientCheck(double eps, double rtol, double atol, int coordinates, boolean training) {
    this.eps = eps;
    this.rtol = rtol;
    this.atol = atol;
    this.coordinates = coordinates;
    this.training = training;
  }

  /** eps 1e-2, rtol 2 %, atol 1e-3, 16 coordinates per tensor, evaluation mode. */
  public static GradientCheck standard() {
    return new GradientCheck(1e-2, 2e-2, 1e-3, 16, false);
  }

  /** The same check with the graph's training switch on (dropout, batch statistics). */
  public GradientCheck inTrainingMode() {
    return new GradientCheck(eps, rtol, atol, coordinates, true);
  }

  public GradientCheck withEps(double e) {
    return new GradientCheck(e, rtol, atol, coordinates, training);
  }

  /** One compared coordinate. */
  public record Mismatch(String tensor, int index, double symbolic, double numeric) {}

  /** What was compared, and what disagreed. */
  public record Report(int compared, List<Mismatch> mismatches, double maxAbsGradient) {
    public boolean passed() {
      return mismatches.isEmpty() && compared > 0;
    }
  }

  /**
   * @param inputShape per-example input shape; the batch has {@code batch} rows
   * @param function builds {@code y} from the input operand
   */
  public Report check(Shape inputShape, int batch, long seed,
      BiFunction<BuildContext, Operand<TFloat32>, Operand<TFloat32>> function) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] dims = new long[inputShape.numDimensions() + 1];
    dims[0] = batch;
    System.arraycopy(inputShape.asArray(), 0, dims, 1, inputShape.numDimensions());
    Shape full = Shape.of(dims);
    float[] x = normal(random, (int) full.size());

    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, seed);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(full));
      Operand<TFloat32> y = function.apply(ctx, input);
      float[] weights = normal(random, (int) y.shape().size());
      for (int i = 0; i < weights.length; i++) {
        weights[i] /= (float) Math.sqrt(weights.length);
      }
      Operand<TFloat32> r = tf.constant(y.shape(), org.tensorflow.ndarray.buffer.DataBuffers.of(weights));
      Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(y, r), tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));

      List<Variable<TFloat32>> vars = new ArrayList<>(ctx.variables().values());
      List<Operand<?>> wrt = new ArrayList<>();
      wrt.add(input);
      wrt.addAll(vars);
      var grads = tf.gradients(loss, wrt);
      List<Placeholder<TFloat32>> newValues = new ArrayList<>();
      List<Operand<TFloat32>> assigns = new ArrayList<>();
      for (Variable<TFloat32> v : vars) {
        Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
        newValues.add(p);
        assigns.add(tf.assign(v, p));
      }

      try (Session s = new Session(g); TBool mode = TBool.scalarOf(training)) {
        Evaluator eval = new Evaluator(s, ctx, loss, input, full, mode);
        int compared = 0;
        double maxAbs = 0;
        List<Mismatch> mismatches = new ArrayList<>();
        // input
        float[] symbolic = eval.fetch(grads.dy(0), x);
        for (int idx : pick(random, x.length)) {
          double num = eval.numeric(x, idx, eps, null, null, null);
          compared++;
          maxAbs = Math.max(maxAbs, Math.abs(symbolic[idx]));
          if (!close(symbolic[idx], num)) {
            mismatches.add(new Mismatch("input", idx, symbolic[idx], num));
          }
        }
        // variables
        for (int k = 0; k < vars.size(); k++) {
          Variable<TFloat32> v = vars.get(k);
          float[] value = eval.fetch(v, x);
          float[] sym = eval.fetch(grads.dy(k + 1), x);
          for (int idx : pick(random, value.length)) {
            double num = eval.numeric(x, idx, eps, value, newValues.get(k), assigns.get(k));
            compared++;
            maxAbs = Math.max(maxAbs, Math.abs(sym[idx]));
            if (!close(sym[idx], num)) {
              mismatches.add(new Mismatch(v.op().name(), idx, sym[idx], num));
            }
          }
        }
        return new Report(compared, mismatches, maxAbs);
      }
    }
  }

  private boolean close(double symbolic, double numeric) {
    return Math.abs(symbolic - numeric) <= atol + rtol * Math.max(Math.abs(symbolic), Math.abs(numeric));
  }

  private int[] pick(SplittableRandom random, int size) {
    if (size <= coordinates) {
      int[] all = new int[size];
      for (int i = 0; i < size; i++) {
        all[i] = i;
      }
      return all;
    }
    return random.ints(0, size).distinct().limit(coordinates).toArray();
  }

  private static float[] normal(SplittableRandom random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      double u1 = random.nextDouble(), u2 = random.nextDouble();
      v[i] = (float) (Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
    }
    return v;
  }

  /** Runs the graph for given input values and variable perturbations. */
  private static final class Evaluator {
    private final Session session;
    private final BuildContext ctx;
    private final Operand<TFloat32> loss;
    private final Placeholder<TFloat32> input;
    private final Shape shape;
    private final TBool mode;

    Evaluator(Session session, BuildContext ctx, Operand<TFloat32> loss, Placeholder<TFloat32> input, Shape shape,
        TBool mode) {
      this.session = session;
      this.ctx = ctx;
      this.loss = loss;
      this.input = input;
      this.shape = shape;
      this.mode = mode;
    }

    float[] fetch(Operand<TFloat32> what, float[] x) {
      try (TFloat32 in = TFloat32.tensorOf(shape, org.tensorflow.ndarray.buffer.DataBuffers.of(x));
          Result r = session.runner().feed(input, in).feed(ctx.training(), mode).fetch(what).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] out = new float[(int) t.shape().size()];
        t.asRawTensor().data().asFloats().read(out);
        return out;
      }
    }

    double lossAt(float[] x) {
      return fetch(loss, x)[0];
    }

    /** Central difference of the loss along coordinate {@code idx} of the input or of a variable. */
    double numeric(float[] x, int idx, double eps, float[] varValue, Placeholder<TFloat32> newValue,
        Operand<TFloat32> assign) {
      if (varValue == null) {
        float[] plus = x.clone();
        float[] minus = x.clone();
        plus[idx] += (float) eps;
        minus[idx] -= (float) eps;
        return (lossAt(plus) - lossAt(minus)) / (2 * eps);
      }
      double up = withVariable(varValue, idx, eps, newValue, assign, x);
      double down = withVariable(varValue, idx, -eps, newValue, assign, x);
      set(varValue, newValue, assign);
      return (up - down) / (2 * eps);
    }

    private double withVariable(float[] value, int idx, double delta, Placeholder<TFloat32> p, Operand<TFloat32> assign,
        float[] x) {
      float[] changed = value.clone();
      changed[idx] += (float) delta;
      set(changed, p, assign);
      return lossAt(x);
    }

    private void set(float[] value, Placeholder<TFloat32> p, Operand<TFloat32> assign) {
      try (TFloat32 t = TFloat32.tensorOf(p.shape(), org.tensorflow.ndarray.buffer.DataBuffers.of(value));
          Result r = session.runner().feed(p, t).fetch(assign).run()) {
        // the assign's output is not needed; fetching it runs it
      }
    }
  }
}
