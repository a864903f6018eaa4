package io.github.aelab.models.regularize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.data.ZScoreScaler;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each regularizer changes what it should, against the same model trained with the same budget without it. */
class RegularizerEffectTest {
  static final FitSpec BUDGET = FitSpec.adam(3e-3, 60, 64);

  static Split curve(long seed) {
    Dataset data = SyntheticData.noisyManifold(1500, 20, 1, 0.02, seed);
    Split split = Splits.trainTest(data, 0.8, seed);
    ZScoreScaler scaler = ZScoreScaler.fit(split.train());
    return new Split(scaler.transform(split.train()), scaler.transform(split.test()));
  }

  static AutoencoderSession session(AutoencoderSpec spec, List<Regularizer> regularizers, int rows) {
    return AutoencoderSession.create(spec, regularizers, AutoencoderSession.Plan.of(BUDGET), 5, RuntimeSettings.defaults(), rows);
  }

  /** Denoising (Vincent 2008): on masked held-out rows, the denoising AE's error against the clean rows is clearly lower. */
  @Test
  void maskingNoiseTeachesTheModelToDenoise() {
    Split s = curve(21);
    AutoencoderSpec wide = AutoencoderSpec.builder(20).hidden(Activation.TANH, 64).code(32, Activation.TANH).build();
    float[] clean = s.test().features();
    float[] masked = clean.clone();
    SplittableRandom r = new SplittableRandom(99);
    for (int i = 0; i < masked.length; i++) {
      if (r.nextDouble() < 0.3) {
        masked[i] = 0;
      }
    }
    double plain;
    double denoising;
    try (AutoencoderSession ae = session(wide, List.of(), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      plain = mse(ae.reconstruct(masked), clean);
    }
    try (AutoencoderSession ae = session(wide, List.of(new MaskingNoise(0.3)), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      denoising = mse(ae.reconstruct(masked), clean);
    }
    System.out.printf("denoising: plain %.4f, masking-noise AE %.4f%n", plain, denoising);
    assertThat(denoising).isLessThan(0.6 * plain);
  }

  /** KL sparsity (Ng 2011) with target 0.05: the mean code activation on held-out rows lands within 0.02 of it. */
  @Test
  void klSparsityHoldsTheMeanActivationAtTheTarget() {
    Split s = curve(22);
    AutoencoderSpec spec = AutoencoderSpec.builder(20).hidden(Activation.TANH, 64).code(32, Activation.SIGMOID).build();
    double without;
    double with;
    try (AutoencoderSession ae = session(spec, List.of(), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      without = mean(ae.encode(s.test().features()));
    }
    try (AutoencoderSession ae = session(spec, List.of(new KlSparsity(0.05, 1.0, "code")), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      with = mean(ae.encode(s.test().features()));
    }
    System.out.printf("kl sparsity: mean code activation without %.4f, with %.4f%n", without, with);
    assertThat(with).isCloseTo(0.05, within(0.02));
    assertThat(Math.abs(without - 0.05)).isGreaterThan(0.15);
  }

  /** L1 activity sparsity drives most code activations towards zero. */
  @Test
  void l1SparsityShrinksActivations() {
    Split s = curve(23);
    AutoencoderSpec spec = AutoencoderSpec.builder(20).hidden(Activation.TANH, 64).code(32, Activation.RELU).build();
    double without;
    double with;
    try (AutoencoderSession ae = session(spec, List.of(), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      without = meanAbs(ae.encode(s.test().features()));
    }
    try (AutoencoderSession ae = session(spec, List.of(new L1Sparsity(0.05, "code")), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      with = meanAbs(ae.encode(s.test().features()));
    }
    System.out.printf("l1 sparsity: mean |code| without %.4f, with %.4f%n", without, with);
    assertThat(with).isLessThan(0.25 * without);
  }

  /** Contractive (Rifai 2011): the encoder's Jacobian norm on held-out rows is lower than the plain AE's. */
  @Test
  void contractionLowersTheJacobianNorm() {
    Split s = curve(24);
    AutoencoderSpec oneLayer = AutoencoderSpec.builder(20).code(16, Activation.SIGMOID).build();
    AutoencoderSpec deep = AutoencoderSpec.builder(20).hidden(Activation.TANH, 32).code(16, Activation.TANH).build();
    for (AutoencoderSpec spec : List.of(oneLayer, deep)) {
      double plain;
      double contractive;
      try (AutoencoderSession ae = session(spec, List.of(), s.train().rows())) {
        ae.fit(s.train().features(), null, List.of(), null);
        plain = JacobianNorm.meanSquaredFrobenius(ae, s.test().head(100));
      }
      try (AutoencoderSession ae = session(spec, List.of(new Contractive(0.1, Contractive.Estimator.AUTO, 0.01, 1)),
          s.train().rows())) {
        ae.fit(s.train().features(), null, List.of(), null);
        contractive = JacobianNorm.meanSquaredFrobenius(ae, s.test().head(100));
      }
      System.out.printf("contractive (%d encoder layers): ||J||^2 plain %.3f, contractive %.3f%n",
          spec.encoder().size() + 1, plain, contractive);
      assertThat(contractive).isLessThan(0.5 * plain);
    }
  }

  /** Weight decay shrinks the kernels. */
  @Test
  void weightDecayShrinksTheKernels() {
    Split s = curve(25);
    AutoencoderSpec spec = AutoencoderSpec.builder(20).hidden(Activation.TANH, 64).code(8, Activation.TANH).build();
    double without;
    double with;
    try (AutoencoderSession ae = session(spec, List.of(), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      without = kernelSquares(ae);
    }
    try (AutoencoderSession ae = session(spec, List.of(new WeightDecay(1e-3)), s.train().rows())) {
      ae.fit(s.train().features(), null, List.of(), null);
      with = kernelSquares(ae);
    }
    System.out.printf("weight decay: sum of squared kernel weights without %.2f, with %.2f%n", without, with);
    assertThat(with).isLessThan(0.5 * without);
  }

  static double kernelSquares(AutoencoderSession ae) {
    double total = 0;
    for (var v : ae.autoencoder().trainableVariables()) {
      if (v.op().name().endsWith("kernel")) {
        try (org.tensorflow.Result r = ae.session().runner().fetch(v).run()) {
          var t = (org.tensorflow.types.TFloat32) r.get(0);
          float[] w = new float[(int) t.shape().size()];
          t.asRawTensor().data().asFloats().read(w);
          for (float x : w) {
            total += x * x;
          }
        }
      }
    }
    return total;
  }

  static double mse(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s / a.length;
  }

  static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }

  static double meanAbs(float[] v) {
    double s = 0;
    for (float f : v) {
      s += Math.abs(f);
    }
    return s / v.length;
  }
}
