package io.github.aelab.experiments.spec;

import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.DecoderSpec;
import java.util.List;
import java.util.Objects;

/** The autoencoder of an experiment; its input width comes from the data. */
@Doc("the autoencoder: encoder blocks, code block, decoder (mirror or a list) and reconstruction loss")
public record ModelSpec(
    @Doc("blocks from the input to the code") @DefaultValue("[]") List<BlockSpec> encoder,
    @Doc("the code (latent) block") BlockSpec code,
    @Doc("'mirror' or a list of blocks from the code to the output") @DefaultValue("mirror") DecoderSpec decoder,
    @Doc("mse; bce (binary cross-entropy from logits, for targets in [0, 1]); gaussian or student_t (negative "
        + "log-likelihood with a scale, and for student_t degrees of freedom, that the decoder predicts per feature: "
        + "Takahashi et al. 2018)") @DefaultValue("mse") ReconstructionLoss loss,
    @Doc("mirrored dense layers reuse the transposed encoder kernels") @DefaultValue("false") boolean tiedWeights) {
  public ModelSpec {
    encoder = List.copyOf(encoder);
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(loss, "loss");
  }

  /** The autoencoder for rows of {@code inputDim} values; throws when the shapes do not fit. */
  public AutoencoderSpec toAutoencoder(int inputDim) {
    return new AutoencoderSpec(inputDim, encoder, code, decoder, loss, tiedWeights);
  }
}
