package io.github.aelab.experiments.clusterer;

import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.DecoderSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * For clusterers that build their own networks (the GMVAE's per-cluster branches, the AAE's split
 * code): reads the widths they take from the experiment's model, and refuses, by field, every
 * part of the experiment they would otherwise ignore. Their encoders are ReLU dense layers
 * mirrored by the decoder, they train without pretraining, and they carry their own latent
 * terms, so other regularizers have no place.
 */
final class OwnNetworks {
  private OwnNetworks() {}

  /** The encoder's ReLU dense widths, after checking the rest of the model and plan suit {@code type}. */
  static List<Integer> hiddenWidths(String type, ClustererTraining training) {
    AutoencoderSpec model = training.model();
    List<Integer> widths = new ArrayList<>();
    for (int i = 0; i < model.encoder().size(); i++) {
      BlockSpec b = model.encoder().get(i);
      if (!(b instanceof DenseBlock.Spec d) || d.activation() != Activation.RELU) {
        throw new IllegalArgumentException("model.encoder[" + i + "]: clusterer " + type + " builds ReLU dense "
            + "layers; found " + b.type() + (b instanceof DenseBlock.Spec d2 ? " with " + d2.activation().yamlName() : "")
            + ". Use {type: dense, units: N, activation: relu}.");
      }
      widths.add(d.units());
    }
    if (!(model.decoder() instanceof DecoderSpec.Mirror)) {
      throw new IllegalArgumentException("model.decoder: clusterer " + type + " mirrors its encoder; use decoder: mirror");
    }
    if (model.tiedWeights()) {
      throw new IllegalArgumentException("model.tied_weights: clusterer " + type + " has untied weights; remove it");
    }
    if (model.loss() != ReconstructionLoss.MSE && model.loss() != ReconstructionLoss.BCE) {
      throw new IllegalArgumentException("model.loss: clusterer " + type + " decodes with mse (z-scored data) or bce "
          + "(data in [0, 1]), found " + model.loss().yamlName());
    }
    if (!training.regularizers().isEmpty()) {
      throw new IllegalArgumentException("regularizers: clusterer " + type + " trains its own objective (its latent "
          + "terms included); remove the regularizers section");
    }
    if (training.plan().pretraining() != null) {
      throw new IllegalArgumentException("training.pretraining: clusterer " + type + " trains end to end without "
          + "pretraining; remove it");
    }
    return widths;
  }
}
