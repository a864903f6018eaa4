package io.github.aelab.models;

import io.github.aelab.core.block.Block;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Shapes;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.train.FitSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Greedy layer-wise pretraining (Hinton &amp; Salakhutdinov 2006; Bengio et al. 2007; Vincent
 * et al. 2008): each encoder layer and its mirror are trained as a shallow autoencoder on the
 * (frozen) representation below, bottom to top; then the whole network is fine-tuned.
 *
 * <p>The shallow autoencoders share their weights with the deep one, so no copying is needed:
 * the pretraining train ops simply update a pair of layers each. The first layer uses the
 * model's reconstruction loss; higher layers reconstruct hidden activations with MSE.
 *
 * <p>With input noise among the model's regularizers the stack is a stacked denoising autoencoder
 * (Vincent et al. 2010), the pretraining of DEC (Xie et al. 2016: 20 % dropout on every layer's
 * input): each layer's input is the clean representation below (the layers beneath applied to
 * the clean input), corrupted by the same noise, and the layer and its mirror learn to rebuild
 * the clean representation from it.
 */
public final class StackedPretraining {
  private StackedPretraining() {}

  /** One train op per encoder layer that has weights, in bottom-up order. */
  public static List<TrainOp> trainOps(BuildContext ctx, Autoencoder ae, FitSpec fit, int trainRows) {
    if (!ae.spec().decoderMirrorsEncoder()) {
      throw new IllegalArgumentException("stacked pretraining pairs encoder layers with their mirrors: use a mirror "
          + "decoder, or list one with the mirror's layers and widths");
    }
    Ops tf = ctx.tf();
    List<Block> encoder = ae.encoderBlocks();
    List<Block> decoder = ae.decoderBlocks();
    List<Integer> mirroredIndices = new ArrayList<>();
    var encoding = ae.spec().encoderWithCode();
    for (int i = 0; i < encoding.size(); i++) {
      if (AutoencoderSpec.isMirrored(encoding.get(i))) {
        mirroredIndices.add(i);
      }
    }
    List<TrainOp> ops = new ArrayList<>();
    // Without input noise the model's own encoder inputs are the clean representations.
    List<Operand<TFloat32>> clean = ae.corruptsInput() ? cleanInputs(ctx, ae) : null;
    for (int k = 0; k < mirroredIndices.size(); k++) {
      int i = mirroredIndices.get(k);
      Block layer = encoder.get(i);
      Block mirror = decoder.get(decoder.size() - 1 - k);
      List<Variable<TFloat32>> vars = new ArrayList<>(layer.trainableVariables());
      for (Variable<TFloat32> v : mirror.trainableVariables()) {
        if (!vars.contains(v)) {
          vars.add(v);
        }
      }
      if (vars.isEmpty()) {
        continue; // reshape/flatten pairs have nothing to learn
      }
      Operand<TFloat32> target = tf.stopGradient(clean == null ? ae.encoderInput(i) : clean.get(i));
      Operand<TFloat32> layerInput = clean == null ? target : ae.corrupt(ctx, target);
      Operand<TFloat32> rebuilt = mirror.apply(ctx, layer.apply(ctx, layerInput));
      // Inner layers rebuild real-valued codes: squared error. The input layer uses the model's loss,
      // except a likelihood with a predicted scale, whose maps belong to the full decoder: there the
      // layer rebuilds the mean by squared error (the Gaussian NLL at a fixed scale), which is all an
      // initialization needs.
      boolean inputLayer = i == 0 || onlyReshapesBelow(encoding, i);
      ReconstructionLoss lossKind = inputLayer && ae.spec().loss().parameterCount() == 1 ? ae.spec().loss()
          : ReconstructionLoss.MSE;
      Operand<TFloat32> loss = lossKind.mean(tf, Shapes.flatten(tf, target), Shapes.flatten(tf, rebuilt));
      ops.add(TrainOp.build(ctx, "pretrain_" + k, loss, vars, fit.trainOpConfig(trainRows)));
    }
    return ops;
  }

  /**
   * What each encoder block reads when the network is fed the clean input (same weights). The top
   * block's output is no stage's input, so the chain stops below it.
   */
  private static List<Operand<TFloat32>> cleanInputs(BuildContext ctx, Autoencoder ae) {
    List<Block> blocks = ae.encoderBlocks();
    List<Operand<TFloat32>> inputs = new ArrayList<>(List.of(ae.input()));
    for (int i = 0; i < blocks.size() - 1; i++) {
      inputs.add(blocks.get(i).apply(ctx, inputs.get(i)));
    }
    return inputs;
  }

  private static boolean onlyReshapesBelow(List<io.github.aelab.core.block.BlockSpec> encoding, int i) {
    for (int j = 0; j < i; j++) {
      if (AutoencoderSpec.activationOf(encoding.get(j)) != null) {
        return false;
      }
    }
    return true;
  }
}
