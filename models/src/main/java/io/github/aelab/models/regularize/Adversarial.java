package io.github.aelab.models.regularize;

import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adversarial regularization (Makhzani et al. 2015): a discriminator learns to tell codes of
 * data from samples of a prior, and the encoder learns to fool it, so the aggregate posterior
 * of the codes matches the prior. Per batch, three updates in order, each with its own
 * optimizer over its own variables: reconstruction (encoder and decoder), discriminator,
 * generator (encoder). Decoding prior samples then generates data.
 */
@Doc("adversarial: match the codes to a prior with a discriminator (Makhzani et al. 2015)")
public record Adversarial(
    @Doc("the prior the codes should follow") @DefaultValue("{}") Prior prior,
    @Doc("hidden widths of the discriminator (leaky_relu)") @DefaultValue("[64, 64]") List<Integer> discriminatorUnits,
    @Doc("optimizer of the discriminator") @DefaultValue("{type: adam, learning_rate: 0.0005}") OptimizerSpec discriminatorOptimizer,
    @Doc("optimizer of the encoder as generator") @DefaultValue("{type: adam, learning_rate: 0.0005}") OptimizerSpec generatorOptimizer)
    implements Regularizer {
  public Adversarial {
    java.util.Objects.requireNonNull(prior, "prior");
    discriminatorUnits = List.copyOf(discriminatorUnits);
    for (int u : discriminatorUnits) {
      if (u < 1) {
        throw new IllegalArgumentException("discriminator_units must be >= 1, found " + u);
      }
    }
    java.util.Objects.requireNonNull(discriminatorOptimizer, "discriminator_optimizer");
    java.util.Objects.requireNonNull(generatorOptimizer, "generator_optimizer");
  }

  @Override
  public String type() {
    return "adversarial";
  }

  @Override
  public void check(AutoencoderSpec model) {
    prior.check(model.codeShape().size());
  }

  @Override
  public List<Player> players(BuildContext ctx, Autoencoder model) {
    Ops tf = ctx.tf();
    List<Block> discriminator = new ArrayList<>();
    for (int i = 0; i < discriminatorUnits.size(); i++) {
      discriminator.add(new DenseBlock.Spec(discriminatorUnits.get(i), Activation.LEAKY_RELU).create("adversarial/discriminator/" + i));
    }
    discriminator.add(new DenseBlock.Spec(1, Activation.LINEAR).create("adversarial/discriminator/logit"));
    Operand<TFloat32> codes = model.code();
    Operand<TFloat32> fromPrior = tf.stopGradient(prior.sample(ctx, codes));
    Operand<TFloat32> realLogit = apply(ctx, discriminator, fromPrior);
    Operand<TFloat32> fakeLogit = apply(ctx, discriminator, codes);
    Operand<TFloat32> ones = tf.math.add(tf.math.mul(realLogit, tf.constant(0f)), tf.constant(1f));
    Operand<TFloat32> zeros = tf.math.mul(fakeLogit, tf.constant(0f));
    Operand<TFloat32> onesForFake = tf.math.add(zeros, tf.constant(1f));
    // BCE from logits, mean over the batch; labels: prior samples 1, codes 0 (the generator wants 1).
    Operand<TFloat32> discriminatorLoss = tf.math.add(
        ReconstructionLoss.BCE.mean(tf, tf.stopGradient(ones), realLogit),
        ReconstructionLoss.BCE.mean(tf, tf.stopGradient(zeros), fakeLogit));
    Operand<TFloat32> generatorLoss = ReconstructionLoss.BCE.mean(tf, tf.stopGradient(onesForFake), fakeLogit);
    List<Variable<TFloat32>> discriminatorVars = new ArrayList<>();
    discriminator.forEach(b -> discriminatorVars.addAll(b.trainableVariables()));
    return List.of(
        new Player("discriminator", discriminatorLoss, discriminatorVars, discriminatorOptimizer),
        new Player("generator", generatorLoss, model.encoder().trainableVariables(), generatorOptimizer));
  }

  private static Operand<TFloat32> apply(BuildContext ctx, List<Block> blocks, Operand<TFloat32> x) {
    Operand<TFloat32> h = x;
    for (Block b : blocks) {
      h = b.apply(ctx, h);
    }
    return h;
  }
}
