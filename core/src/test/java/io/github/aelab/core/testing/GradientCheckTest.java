package io.github.aelab.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** The checker itself must catch a wrong gradient, or the gradient tests prove nothing. */
class GradientCheckTest {

  @Test
  void acceptsACorrectGradient() {
    var report = GradientCheck.standard().check(Shape.of(3), 2, 1, (ctx, x) -> ctx.tf().math.mul(x, x));
    assertThat(report.passed()).isTrue();
  }

  @Test
  void catchesAWrongGradient() {
    // d/dx [x * stop(x)] is reported as stop(x) = x, but the true derivative is 2x.
    var report = GradientCheck.standard().check(Shape.of(3), 2, 1,
        (ctx, x) -> ctx.tf().math.mul(x, ctx.tf().stopGradient(x)));
    assertThat(report.passed()).isFalse();
    assertThat(report.mismatches()).isNotEmpty().allSatisfy(m -> assertThat(m.tensor()).isEqualTo("input"));
  }
}
