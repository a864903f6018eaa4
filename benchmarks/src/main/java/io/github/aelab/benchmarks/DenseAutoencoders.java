package io.github.aelab.benchmarks;

import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.Initializer;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.models.AutoencoderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks' dense autoencoders written out layer by layer, so that one initializer reaches
 * every layer, the decoder's included (a mirror gives decoder layers their activation's default):
 * the papers' recipes differ mostly in it (DEC-keras: Glorot on USPS, fan-in uniform on MNIST,
 * which is also PyTorch's default).
 */
final class DenseAutoencoders {
  private DenseAutoencoders() {}

  /**
   * {@code input}-{@code widths}-{@code code}, ReLU hidden layers, mirrored back to a linear
   * output; {@code init} null gives every layer its activation's default.
   */
  static AutoencoderSpec relu(int input, int[] widths, int code, Activation codeActivation, Initializer init,
      ReconstructionLoss loss) {
    List<BlockSpec> encoder = new ArrayList<>();
    for (int w : widths) {
      encoder.add(new DenseBlock.Spec(w, Activation.RELU, init, true));
    }
    List<BlockSpec> decoder = new ArrayList<>();
    for (int i = widths.length - 1; i >= 0; i--) {
      decoder.add(new DenseBlock.Spec(widths[i], Activation.RELU, init, true));
    }
    decoder.add(new DenseBlock.Spec(input, Activation.LINEAR, init, true));
    return AutoencoderSpec.builder(input).encoder(encoder.toArray(BlockSpec[]::new))
        .code(new DenseBlock.Spec(code, codeActivation, init, true)).decoder(decoder.toArray(BlockSpec[]::new))
        .loss(loss).build();
  }

  /** The initializer an option names: {@code default} (null: each activation's own) or an {@link Initializer} in snake case. */
  static Initializer initializer(String option) {
    return option.equals("default") ? null : Initializer.valueOf(option.toUpperCase(Locale.ROOT));
  }
}
