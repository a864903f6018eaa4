package io.github.aelab.clustering.latent;

import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.SequentialBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A GAN discriminator between prior samples and codes: a leaky-ReLU network ending in one logit,
 * applied (same weights) to both. Its logistic losses are written with softplus,
 * {@code −log σ(l) = softplus(−l)} and {@code −log(1 − σ(l)) = softplus(l)}, so they need no
 * label tensors and never overflow.
 */
final class Discriminator {
  private final SequentialBlock hidden;
  private final Block logit;
  private final Operand<TFloat32> priorLogit;
  private final Operand<TFloat32> codeLogit;

  /**
   * @param prior samples of the prior, gradient already stopped
   * @param codes the encoder's codes, same shape
   */
  Discriminator(String name, List<Integer> widths, Operand<TFloat32> prior, Operand<TFloat32> codes,
      BuildContext ctx) {
    this.hidden = Networks.stack(name, widths, Activation.LEAKY_RELU);
    this.logit = Networks.dense(name + "/logit", 1, Activation.LINEAR);
    this.priorLogit = logit.apply(ctx, hidden.apply(ctx, prior));
    this.codeLogit = logit.apply(ctx, hidden.apply(ctx, codes));
  }

  /** Mean logistic loss of telling prior samples (label 1) from codes (label 0). */
  Operand<TFloat32> loss(Ops tf) {
    return tf.math.add(meanSoftplus(tf, tf.math.neg(priorLogit)), meanSoftplus(tf, codeLogit));
  }

  /** The encoder's non-saturating loss: codes labelled as prior samples. */
  Operand<TFloat32> generatorLoss(Ops tf) {
    return meanSoftplus(tf, tf.math.neg(codeLogit));
  }

  List<Variable<TFloat32>> variables() {
    List<Variable<TFloat32>> all = new ArrayList<>(hidden.trainableVariables());
    all.addAll(logit.trainableVariables());
    return all;
  }

  private static Operand<TFloat32> meanSoftplus(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(tf.math.softplus(x), tf.constant(new int[] {-1})), tf.constant(0));
  }
}
