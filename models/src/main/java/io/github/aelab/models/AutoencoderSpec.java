package io.github.aelab.models;

import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.block.Conv2DBlock;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.MirrorableSpec;
import io.github.aelab.core.block.ReshapeBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.loss.ReconstructionLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.ndarray.Shape;

/**
 * An autoencoder, declaratively: flat inputs of {@code inputDim} values, encoder blocks, a code
 * block, a decoder, and the reconstruction loss. The same record comes from YAML and from
 * {@link #builder(int)}.
 *
 * @param tiedWeights mirrored dense layers reuse the transposed encoder kernels
 */
public record AutoencoderSpec(int inputDim, List<BlockSpec> encoder, BlockSpec code, DecoderSpec decoder,
    ReconstructionLoss loss, boolean tiedWeights) {

  public AutoencoderSpec {
    if (inputDim < 1) {
      throw new IllegalArgumentException("input_dim must be >= 1, found " + inputDim);
    }
    encoder = encoder == null ? List.of() : List.copyOf(encoder);
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(loss, "loss");
    if (tiedWeights && !(decoder instanceof DecoderSpec.Mirror)) {
      throw new IllegalArgumentException("tied_weights needs a mirror decoder");
    }
    Shape codeShape = codeShape(encoder, code, inputDim); // shape-checks the encoder, naming the bad block
    if (decoder instanceof DecoderSpec.Explicit explicit) {
      checkDecoder(explicit.blocks(), codeShape, inputDim);
    }
  }

  private static void checkDecoder(List<BlockSpec> blocks, Shape codeShape, int inputDim) {
    Shape s = codeShape;
    for (int i = 0; i < blocks.size(); i++) {
      try {
        s = blocks.get(i).outputShape(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("decoder[" + i + "] (" + blocks.get(i).type() + "): " + e.getMessage(), e);
      }
    }
    if (s.size() != inputDim) {
      throw new IllegalArgumentException("the decoder produces " + s.size() + " values per example " + s
          + " but the input has " + inputDim);
    }
  }

  /** Encoder blocks followed by the code block. */
  public List<BlockSpec> encoderWithCode() {
    List<BlockSpec> all = new ArrayList<>(encoder);
    all.add(code);
    return all;
  }

  /** Per-example shape of the code. */
  public Shape codeShape() {
    return codeShape(encoder, code, inputDim);
  }

  private static Shape codeShape(List<BlockSpec> encoder, BlockSpec code, int inputDim) {
    Shape s = Shape.of(inputDim);
    int i = 0;
    for (BlockSpec b : encoder) {
      try {
        s = b.outputShape(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("encoder[" + i + "] (" + b.type() + "): " + e.getMessage(), e);
      }
      i++;
    }
    try {
      return code.outputShape(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("code (" + code.type() + "): " + e.getMessage(), e);
    }
  }

  /** The decoder's block specs: explicit ones, or the mirror of the encoder and code. */
  public List<BlockSpec> decoderBlocks() {
    if (decoder instanceof DecoderSpec.Explicit explicit) {
      return explicit.blocks();
    }
    return mirrorBlocks();
  }

  /**
   * Whether the decoder undoes the encoder layer by layer: a mirror decoder, or an explicit one
   * with the mirror's block types and widths (listed out to set each layer's initializer, say).
   * Layer-wise pretraining pairs each encoder layer with its counterpart and needs one.
   */
  public boolean decoderMirrorsEncoder() {
    if (decoder instanceof DecoderSpec.Mirror) {
      return true;
    }
    List<BlockSpec> mirror = mirrorBlocks();
    List<BlockSpec> listed = decoderBlocks();
    if (mirror.size() != listed.size()) {
      return false;
    }
    Shape mirrorShape = codeShape();
    Shape listedShape = codeShape();
    for (int j = 0; j < mirror.size(); j++) {
      if (mirror.get(j).getClass() != listed.get(j).getClass()) {
        return false;
      }
      mirrorShape = mirror.get(j).outputShape(mirrorShape);
      listedShape = listed.get(j).outputShape(listedShape);
      if (!mirrorShape.equals(listedShape)) {
        return false;
      }
    }
    return true;
  }

  /** The mirror of the encoder and code, whatever the decoder is. */
  private List<BlockSpec> mirrorBlocks() {
    List<BlockSpec> encoding = encoderWithCode();
    List<Shape> inputs = new ArrayList<>();
    Shape s = Shape.of(inputDim);
    for (BlockSpec b : encoding) {
      inputs.add(s);
      s = b.outputShape(s);
    }
    List<BlockSpec> mirrored = new ArrayList<>();
    for (int i = encoding.size() - 1; i >= 0; i--) {
      if (isMirrored(encoding.get(i))) {
        MirrorableSpec m = (MirrorableSpec) encoding.get(i);
        mirrored.add(m.mirror(inputs.get(i), activationOfInput(encoding, i)));
      }
    }
    return mirrored;
  }

  /** Whether block {@code spec} gets a counterpart in a mirror decoder. */
  public static boolean isMirrored(BlockSpec spec) {
    if (!(spec instanceof MirrorableSpec)) {
      throw new IllegalArgumentException("block type '" + spec.type() + "' cannot be mirrored; list the decoder explicitly");
    }
    return spec instanceof DenseBlock.Spec || spec instanceof Conv2DBlock.Spec
        || spec instanceof io.github.aelab.core.block.Conv2DTransposeBlock.Spec
        || spec instanceof ReshapeBlock.Spec || spec instanceof ReshapeBlock.FlattenSpec
        || spec instanceof io.github.aelab.models.latent.GaussianCodeBlock.Spec;
  }

  /** The activation of the representation that block {@code i} reads: its nearest activated predecessor's, linear for the input. */
  static Activation activationOfInput(List<BlockSpec> encoding, int i) {
    for (int j = i - 1; j >= 0; j--) {
      Activation a = activationOf(encoding.get(j));
      if (a != null) {
        return a;
      }
    }
    return Activation.LINEAR;
  }

  public static Activation activationOf(BlockSpec spec) {
    if (spec instanceof DenseBlock.Spec d) {
      return d.activation();
    }
    if (spec instanceof Conv2DBlock.Spec c) {
      return c.activation();
    }
    if (spec instanceof io.github.aelab.core.block.Conv2DTransposeBlock.Spec t) {
      return t.activation();
    }
    return null;
  }

  public static Builder builder(int inputDim) {
    return new Builder(inputDim);
  }

  /**
   * Fluent construction: {@code builder(784).dense(1000, RELU).dense(500, RELU).code(30,
   * LINEAR).mirror().loss(BCE).build()}. Required: the input width and a code; the decoder
   * defaults to the mirror and the loss to MSE.
   */
  public static final class Builder {
    private final int inputDim;
    private final List<BlockSpec> encoder = new ArrayList<>();
    private BlockSpec code;
    private DecoderSpec decoder = new DecoderSpec.Mirror();
    private ReconstructionLoss loss = ReconstructionLoss.MSE;
    private boolean tied;

    private Builder(int inputDim) {
      this.inputDim = inputDim;
    }

    public Builder encoder(BlockSpec... blocks) {
      encoder.addAll(List.of(blocks));
      return this;
    }

    public Builder dense(int units, Activation activation) {
      return encoder(new DenseBlock.Spec(units, activation));
    }

    /** Several dense layers of one activation: {@code hidden(RELU, 1000, 500, 250)}. */
    public Builder hidden(Activation activation, int... units) {
      for (int u : units) {
        dense(u, activation);
      }
      return this;
    }

    public Builder code(BlockSpec codeBlock) {
      this.code = codeBlock;
      return this;
    }

    public Builder code(int units, Activation activation) {
      return code(new DenseBlock.Spec(units, activation));
    }

    public Builder mirror() {
      this.decoder = new DecoderSpec.Mirror();
      return this;
    }

    public Builder decoder(BlockSpec... blocks) {
      this.decoder = new DecoderSpec.Explicit(List.of(blocks));
      return this;
    }

    public Builder tiedWeights(boolean tiedWeights) {
      this.tied = tiedWeights;
      return this;
    }

    public Builder loss(ReconstructionLoss reconstructionLoss) {
      this.loss = reconstructionLoss;
      return this;
    }

    public AutoencoderSpec build() {
      if (code == null) {
        throw new IllegalStateException("an autoencoder needs a code block: call code(units, activation)");
      }
      return new AutoencoderSpec(inputDim, encoder, code, decoder, loss, tied);
    }
  }
}
