package io.github.aelab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.graph.BuildContext;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class TrainOpTest {

  static Stream<OptimizerSpec> optimizers() {
    return Stream.of(new OptimizerSpec.Adam(0.05), new OptimizerSpec.Sgd(0.1, 0.0, false),
        new OptimizerSpec.Sgd(0.05, 0.9, false), new OptimizerSpec.Sgd(0.05, 0.9, true), new OptimizerSpec.RmsProp(0.02));
  }

  /** Each optimizer drives a quadratic bowl to its minimum. */
  @ParameterizedTest
  @MethodSource("optimizers")
  void minimizesAQuadratic(OptimizerSpec optimizer) {
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      Ops tf = ctx.tf();
      Variable<TFloat32> w = ctx.newVariable("w", tf.constant(new float[] {3f, -2f}));
      Operand<TFloat32> loss = tf.reduceSum(tf.math.square(tf.math.sub(tf.identity(w), tf.constant(new float[] {1f, 1f}))),
          tf.constant(0));
      TrainOp op = TrainOp.build(ctx, "fit", loss, List.of(w), new TrainOp.Config(optimizer, null, 10, null));
      try (Session s = new Session(g)) {
        for (int i = 0; i < 400; i++) {
          s.runner().addTarget(op.update()).run().close();
        }
        float[] value = fetch(s, w);
        assertThat(value).containsExactly(new float[] {1f, 1f}, within(0.02f));
        assertThat(fetchLong(s, op.iterations())).isEqualTo(400L);
      }
    }
  }

  @Test
  void clippingBoundsTheStepByTheGlobalNorm() {
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      Ops tf = ctx.tf();
      Variable<TFloat32> w = ctx.newVariable("w", tf.constant(new float[] {3f, 4f}));
      Operand<TFloat32> loss = tf.math.mul(tf.constant(0.5f), tf.reduceSum(tf.math.square(tf.identity(w)), tf.constant(0)));
      // gradient = w = (3, 4), norm 5; clipped to 0.5; plain SGD with rate 1 moves w by (0.3, 0.4)
      TrainOp op = TrainOp.build(ctx, "fit", loss, List.of(w),
          new TrainOp.Config(new OptimizerSpec.Sgd(1.0, 0, false), null, 1, 0.5));
      try (Session s = new Session(g)) {
        try (Result r = s.runner().fetch(op.gradientNorm()).addTarget(op.update()).run()) {
          assertThat(((TFloat32) r.get(0)).getFloat()).isCloseTo(5f, within(1e-5f));
        }
        assertThat(fetch(s, w)).containsExactly(new float[] {2.7f, 3.6f}, within(1e-5f));
      }
    }
  }

  @Test
  void schedulesGiveTheDocumentedFactors() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var step = new LearningRateSchedule.StepDecay(10, 0.5);
      var cosine = new LearningRateSchedule.Cosine(100, 0.1);
      assertThat(eval(s, step.factor(tf, tf.constant(9.9f)))).isEqualTo(1f);
      assertThat(eval(s, step.factor(tf, tf.constant(10f)))).isEqualTo(0.5f);
      assertThat(eval(s, step.factor(tf, tf.constant(25f)))).isEqualTo(0.25f);
      assertThat(eval(s, cosine.factor(tf, tf.constant(0f)))).isCloseTo(1f, within(1e-6f));
      assertThat(eval(s, cosine.factor(tf, tf.constant(50f)))).isCloseTo(0.55f, within(1e-6f));
      assertThat(eval(s, cosine.factor(tf, tf.constant(100f)))).isCloseTo(0.1f, within(1e-6f));
      assertThat(eval(s, cosine.factor(tf, tf.constant(150f)))).isCloseTo(0.1f, within(1e-6f));
    }
  }

  @Test
  void theLearningRateFollowsTheScheduleAsStepsAdvance() {
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      Ops tf = ctx.tf();
      Variable<TFloat32> w = ctx.newVariable("w", tf.constant(new float[] {1f}));
      Operand<TFloat32> loss = tf.reduceSum(tf.math.square(tf.identity(w)), tf.constant(0));
      // 4 steps per epoch, halve every epoch
      TrainOp op = TrainOp.build(ctx, "fit", loss, List.of(w), new TrainOp.Config(new OptimizerSpec.Adam(0.1),
          new LearningRateSchedule.StepDecay(1, 0.5), 4, null));
      try (Session s = new Session(g)) {
        assertThat(eval(s, op.learningRate())).isCloseTo(0.1f, within(1e-7f));
        for (int i = 0; i < 4; i++) {
          s.runner().addTarget(op.update()).run().close();
        }
        assertThat(eval(s, op.learningRate())).isCloseTo(0.05f, within(1e-7f));
      }
    }
  }

  @Test
  void twoOptimizersShareAGraphOverDisjointVariables() {
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      Ops tf = ctx.tf();
      Variable<TFloat32> a = ctx.newVariable("a", tf.constant(new float[] {5f}));
      Variable<TFloat32> b = ctx.newVariable("b", tf.constant(new float[] {5f}));
      Operand<TFloat32> loss = tf.reduceSum(tf.math.add(tf.math.square(tf.identity(a)), tf.math.square(tf.identity(b))), tf.constant(0));
      TrainOp first = TrainOp.build(ctx, "first", loss, List.of(a), new TrainOp.Config(new OptimizerSpec.Adam(0.5), null, 1, null));
      TrainOp second = TrainOp.build(ctx, "second", loss, List.of(b), new TrainOp.Config(new OptimizerSpec.Adam(0.5), null, 1, null));
      try (Session s = new Session(g)) {
        for (int i = 0; i < 3; i++) {
          s.runner().addTarget(first.update()).run().close();
        }
        assertThat(fetch(s, b)[0]).isEqualTo(5f);
        assertThat(fetch(s, a)[0]).isLessThan(5f);
        assertThat(fetchLong(s, first.iterations())).isEqualTo(3L);
        assertThat(fetchLong(s, second.iterations())).isEqualTo(0L);
        s.runner().addTarget(second.update()).run().close();
        assertThat(fetch(s, b)[0]).isLessThan(5f);
      }
    }
  }

  @Test
  void specsRejectBadHyperparameters() {
    assertThatThrownBy(() -> new OptimizerSpec.Adam(0)).hasMessageContaining("learning_rate must be > 0");
    assertThatThrownBy(() -> new OptimizerSpec.Adam(1e-3, 1.0, 0.999, 1e-7)).hasMessageContaining("beta1 must be in [0, 1)");
    assertThatThrownBy(() -> new OptimizerSpec.Sgd(0.1, 0, true)).hasMessageContaining("nesterov needs momentum > 0");
    assertThatThrownBy(() -> new LearningRateSchedule.Cosine(0, 0.1)).hasMessageContaining("epochs must be >= 1");
  }

  private static float eval(Session s, Operand<TFloat32> x) {
    try (Result r = s.runner().fetch(x).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  private static float[] fetch(Session s, Operand<TFloat32> x) {
    try (Result r = s.runner().fetch(x).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] v = new float[(int) t.shape().size()];
      t.asRawTensor().data().asFloats().read(v);
      return v;
    }
  }

  private static long fetchLong(Session s, Operand<TInt64> x) {
    try (Result r = s.runner().fetch(x).run()) {
      return ((TInt64) r.get(0)).getLong();
    }
  }
}
