package io.github.aelab.models;

import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.SequentialBlock;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.models.regularize.Regularizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An {@link AutoencoderSpec} built into a graph: input placeholder, code, reconstruction,
 * per-example error and loss, plus a second entry point that decodes a fed code (for the
 * {@code decode} signature and for sampling).
 *
 * <p>Encoder and decoder are {@link Block}s, so regularizers and heads can apply them again to
 * other inputs (a corrupted input, a prior sample) with the same weights.
 */
public final class Autoencoder {
  /** Names of the exported signatures and their tensors. */
  public static final String INPUT = "x";
  public static final String CODE = "code";
  public static final String RECONSTRUCTION = "reconstruction";
  public static final String SCORE = "score";

  private final AutoencoderSpec spec;
  private final List<Block> encoderBlocks;
  private final List<Block> decoderBlocks;
  /** Dense maps from the decoder's last hidden layer to the likelihood's log s and log nu (none for mse/bce). */
  private final List<Block> parameterHeads;
  private final SequentialBlock encoder;
  private final SequentialBlock decoder;
  private final List<Operand<TFloat32>> encoderInputs;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> code;
  private final Operand<TFloat32> preOutput;
  private final Operand<TFloat32> reconstruction;
  private final Operand<TFloat32> perExampleLoss;
  private final Operand<TFloat32> loss;
  private Operand<TFloat32> objective;
  private final java.util.Map<String, Operand<TFloat32>> penalties = new java.util.LinkedHashMap<>();
  private List<Regularizer> regularizers = List.of();
  private final Placeholder<TFloat32> codeInput;
  private final Operand<TFloat32> decoded;

  private Autoencoder(AutoencoderSpec spec, List<Block> encoderBlocks, List<Block> decoderBlocks,
      List<Block> parameterHeads, List<Operand<TFloat32>> encoderInputs, Placeholder<TFloat32> input, Operand<TFloat32> code,
      Operand<TFloat32> preOutput, Operand<TFloat32> reconstruction, Operand<TFloat32> perExampleLoss,
      Operand<TFloat32> loss, Placeholder<TFloat32> codeInput, Operand<TFloat32> decoded) {
    this.spec = spec;
    this.objective = loss;
    this.encoderBlocks = encoderBlocks;
    this.decoderBlocks = decoderBlocks;
    this.parameterHeads = parameterHeads;
    this.encoder = new SequentialBlock("encoder", encoderBlocks);
    this.decoder = new SequentialBlock("decoder", decoderBlocks);
    this.encoderInputs = encoderInputs;
    this.input = input;
    this.code = code;
    this.preOutput = preOutput;
    this.reconstruction = reconstruction;
    this.perExampleLoss = perExampleLoss;
    this.loss = loss;
    this.codeInput = codeInput;
    this.decoded = decoded;
  }

  /** Adds the autoencoder to the context's graph. */
  public static Autoencoder build(BuildContext ctx, AutoencoderSpec spec) {
    return build(ctx, spec, List.of());
  }

  /**
   * Adds the autoencoder, shaped by regularizers: their corruptions are applied to the input in
   * order (training only), and their penalties are added to the objective; the reconstruction is
   * always compared with the clean input.
   */
  public static Autoencoder build(BuildContext ctx, AutoencoderSpec spec, List<? extends Regularizer> regularizers) {
    for (Regularizer r : regularizers) {
      r.check(spec);
    }
    Ops tf = ctx.tf();
    Placeholder<TFloat32> x = tf.withName(INPUT).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, spec.inputDim())));
    Operand<TFloat32> corrupted = corrupt(ctx, regularizers, x);

    List<BlockSpec> encoding = spec.encoderWithCode();
    List<Block> encoderBlocks = new ArrayList<>();
    List<Operand<TFloat32>> inputs = new ArrayList<>();
    Operand<TFloat32> h = corrupted;
    for (int i = 0; i < encoding.size(); i++) {
      String name = i == encoding.size() - 1 ? "encoder/code" : "encoder/" + i + "_" + encoding.get(i).type();
      Block block = encoding.get(i).create(name);
      inputs.add(h);
      h = block.apply(ctx, h);
      encoderBlocks.add(block);
    }
    Operand<TFloat32> code = tf.withName(CODE).identity(h);

    List<Block> decoderBlocks = createDecoder(spec, encoderBlocks);
    List<Block> parameterHeads = createParameterHeads(spec);
    Decoded decodedCode = decode(ctx, spec, decoderBlocks, parameterHeads, code);
    Operand<TFloat32> pre = decodedCode.mean();
    ReconstructionLoss lossKind = spec.loss();
    Operand<TFloat32> reconstruction = tf.withName(RECONSTRUCTION).identity(lossKind.output(tf, pre));
    Operand<TFloat32> perExample = tf.withName(SCORE).identity(lossKind.perExample(tf, x, pre, decodedCode.extras()));
    Operand<TFloat32> loss = tf.withName("reconstruction_loss").math.mean(perExample, tf.constant(0));

    long[] codeDims = spec.codeShape().asArray();
    long[] fedCode = new long[codeDims.length + 1];
    fedCode[0] = -1;
    System.arraycopy(codeDims, 0, fedCode, 1, codeDims.length);
    Placeholder<TFloat32> codeInput = tf.withName("code_input").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(fedCode)));
    Operand<TFloat32> decoded = tf.withName("decoded").identity(
        lossKind.output(tf, decode(ctx, spec, decoderBlocks, parameterHeads, codeInput).mean()));
    Autoencoder ae = new Autoencoder(spec, encoderBlocks, decoderBlocks, parameterHeads, inputs, x, code, pre,
        reconstruction,
        perExample, loss, codeInput, decoded);
    ae.regularizers = List.copyOf(regularizers);
    Operand<TFloat32> objective = loss;
    for (Regularizer r : regularizers) {
      Operand<TFloat32> p = r.penalty(ctx, ae);
      if (p != null) {
        ae.penalties.put(r.type(), p);
        objective = tf.math.add(objective, p);
      }
    }
    ae.objective = regularizers.isEmpty() ? loss : tf.withName("objective").identity(objective);
    return ae;
  }

  /** The training objective: reconstruction loss plus every regularizer's penalty. */
  public Operand<TFloat32> objective() {
    return objective;
  }

  /** Each regularizer's penalty by type name (those that add one). */
  public java.util.Map<String, Operand<TFloat32>> penalties() {
    return java.util.Collections.unmodifiableMap(penalties);
  }

  /**
   * {@code operand} corrupted in training by every regularizer that corrupts (input noise), in
   * their order, as the model's input is; the identity when none does. Stacked pretraining uses it
   * to corrupt each layer's input (Vincent et al. 2010).
   */
  public Operand<TFloat32> corrupt(BuildContext ctx, Operand<TFloat32> operand) {
    return corrupt(ctx, regularizers, operand);
  }

  private static Operand<TFloat32> corrupt(BuildContext ctx, List<? extends Regularizer> regularizers,
      Operand<TFloat32> operand) {
    Operand<TFloat32> corrupted = operand;
    for (Regularizer r : regularizers) {
      corrupted = r.corrupt(ctx, corrupted);
    }
    return corrupted;
  }

  /** Whether a regularizer corrupts the model's input in training (denoising). */
  public boolean corruptsInput() {
    return encoderInputs.get(0) != input;
  }

  /** Applies the encoder (same weights) to another input, e.g. a perturbed one. */
  public Operand<TFloat32> encode(BuildContext ctx, Operand<TFloat32> input) {
    return applyAll(ctx, encoderBlocks, input);
  }

  /** Decoder output (on the output scale) for codes computed elsewhere in the graph. */
  public Operand<TFloat32> decode(BuildContext ctx, Operand<TFloat32> codes) {
    return spec.loss().output(ctx.tf(), decodePreOutput(ctx, codes));
  }

  /**
   * Decoder output before the output nonlinearity (logits for BCE; the mean for the likelihoods)
   * for codes computed elsewhere.
   */
  public Operand<TFloat32> decodePreOutput(BuildContext ctx, Operand<TFloat32> codes) {
    return decode(ctx, spec, decoderBlocks, parameterHeads, codes).mean();
  }

  /**
   * The reconstruction loss of {@code target} given codes computed elsewhere (a corrupted code,
   * a self-expressed one), with the decoder's likelihood parameters where the loss has them:
   * shape [batch], on the scale of {@link #perExampleLoss()}.
   */
  public Operand<TFloat32> reconstructionLoss(BuildContext ctx, Operand<TFloat32> target, Operand<TFloat32> codes) {
    Decoded d = decode(ctx, spec, decoderBlocks, parameterHeads, codes);
    return spec.loss().perExample(ctx.tf(), target, d.mean(), d.extras());
  }

  /**
   * {@code log p(x | z)} of each row in nats, summed over the features: Bernoulli for bce, a
   * unit-variance Gaussian for mse, and the decoder's Gaussian or Student-t for those losses.
   */
  public Operand<TFloat32> logLikelihood(BuildContext ctx, Operand<TFloat32> x, Operand<TFloat32> codes) {
    Decoded d = decode(ctx, spec, decoderBlocks, parameterHeads, codes);
    return spec.loss().logLikelihood(ctx.tf(), x, d.mean(), d.extras());
  }

  /** The mean (or logits) map and the likelihood's other parameter maps, each [batch, inputDim]. */
  private record Decoded(Operand<TFloat32> mean, List<Operand<TFloat32>> extras) {}

  private static Decoded decode(BuildContext ctx, AutoencoderSpec spec, List<Block> decoderBlocks,
      List<Block> parameterHeads, Operand<TFloat32> codes) {
    Ops tf = ctx.tf();
    Operand<TFloat32> hidden = applyAll(ctx, decoderBlocks.subList(0, decoderBlocks.size() - 1), codes);
    Operand<TFloat32> mean = flattenIfNeeded(tf, decoderBlocks.get(decoderBlocks.size() - 1).apply(ctx, hidden),
        spec.inputDim());
    List<Operand<TFloat32>> extras = new ArrayList<>();
    for (Block head : parameterHeads) {
      extras.add(head.apply(ctx, io.github.aelab.core.graph.Shapes.flatten(tf, hidden)));
    }
    return new Decoded(mean, extras);
  }

  /**
   * For a loss with a scale (and degrees of freedom), linear dense maps from the decoder's last
   * hidden representation, as the Student-t VAE's decoder predicts them beside the mean
   * (Takahashi et al. 2018). Initialized at zero weight, so training starts at s = 1 (and nu = 1
   * plus a bias) everywhere.
   */
  private static List<Block> createParameterHeads(AutoencoderSpec spec) {
    List<Block> heads = new ArrayList<>();
    String[] names = {"decoder/log_scale", "decoder/log_df"};
    for (int i = 0; i < spec.loss().parameterCount() - 1; i++) {
      heads.add(new DenseBlock.Spec(spec.inputDim(), io.github.aelab.core.graph.Activation.LINEAR,
          io.github.aelab.core.graph.Initializer.ZEROS, true).create(names[i]));
    }
    return heads;
  }

  /** A layer's activations: {@code code}, or {@code encoder[i]} (the output of encoder block i). */
  public Operand<TFloat32> layer(String name) {
    if (name.equals("code")) {
      return code;
    }
    int i = Integer.parseInt(name.substring("encoder[".length(), name.length() - 1));
    return i + 1 < encoderInputs.size() ? encoderInputs.get(i + 1) : code;
  }

  private static List<Block> createDecoder(AutoencoderSpec spec, List<Block> encoderBlocks) {
    List<BlockSpec> specs = spec.decoderBlocks();
    List<Block> blocks = new ArrayList<>();
    if (spec.tiedWeights()) {
      // Pair each mirrored dense layer with its encoder layer, walking the encoder backwards.
      List<Block> mirroredEncoder = new ArrayList<>();
      List<BlockSpec> encoding = spec.encoderWithCode();
      for (int i = encoding.size() - 1; i >= 0; i--) {
        if (AutoencoderSpec.isMirrored(encoding.get(i))) {
          mirroredEncoder.add(encoderBlocks.get(i));
        }
      }
      for (int j = 0; j < specs.size(); j++) {
        String name = "decoder/" + j + "_" + specs.get(j).type();
        if (mirroredEncoder.get(j) instanceof DenseBlock enc && specs.get(j) instanceof DenseBlock.Spec d) {
          blocks.add(DenseBlock.tiedTranspose(name, enc, d.activation()));
        } else {
          blocks.add(specs.get(j).create(name));
        }
      }
      return blocks;
    }
    for (int j = 0; j < specs.size(); j++) {
      blocks.add(specs.get(j).create("decoder/" + j + "_" + specs.get(j).type()));
    }
    return blocks;
  }

  private static Operand<TFloat32> applyAll(BuildContext ctx, List<Block> blocks, Operand<TFloat32> x) {
    Operand<TFloat32> h = x;
    for (Block b : blocks) {
      h = b.apply(ctx, h);
    }
    return h;
  }

  private static Operand<TFloat32> flattenIfNeeded(Ops tf, Operand<TFloat32> out, int inputDim) {
    Shape s = out.shape();
    long perExample = io.github.aelab.core.graph.Shapes.perExampleSize(s);
    if (perExample != inputDim) {
      throw new IllegalArgumentException("the decoder produces " + perExample + " values per example "
          + s + " but the input has " + inputDim);
    }
    return s.numDimensions() == 2 ? out : tf.reshape(out, tf.constant(new long[] {-1, inputDim}));
  }

  public AutoencoderSpec spec() {
    return spec;
  }

  /** Feed rows of width {@code inputDim} here. */
  public Placeholder<TFloat32> input() {
    return input;
  }

  public Operand<TFloat32> code() {
    return code;
  }

  /** Decoder output before the loss's output nonlinearity (logits for BCE). */
  public Operand<TFloat32> preOutput() {
    return preOutput;
  }

  public Operand<TFloat32> reconstruction() {
    return reconstruction;
  }

  /** Reconstruction loss of each example: shape [batch]; the default anomaly score. */
  public Operand<TFloat32> perExampleLoss() {
    return perExampleLoss;
  }

  /** Mean reconstruction loss over the batch. */
  public Operand<TFloat32> loss() {
    return loss;
  }

  /** Feed codes here to decode them ({@link #decoded()}). */
  public Placeholder<TFloat32> codeInput() {
    return codeInput;
  }

  /** Output-scale decoding of {@link #codeInput()}. */
  public Operand<TFloat32> decoded() {
    return decoded;
  }

  public SequentialBlock encoder() {
    return encoder;
  }

  public SequentialBlock decoder() {
    return decoder;
  }

  public List<Block> encoderBlocks() {
    return encoderBlocks;
  }

  public List<Block> decoderBlocks() {
    return decoderBlocks;
  }

  /** The operand that encoder block {@code i} reads (the input, or the previous block's output). */
  public Operand<TFloat32> encoderInput(int i) {
    return encoderInputs.get(i);
  }

  /** Every trainable variable of encoder, decoder and the likelihood's parameter maps, each once. */
  public List<Variable<TFloat32>> trainableVariables() {
    List<Variable<TFloat32>> all = new ArrayList<>(encoder.trainableVariables());
    List<Variable<TFloat32>> decoding = new ArrayList<>(decoder.trainableVariables());
    parameterHeads.forEach(h -> decoding.addAll(h.trainableVariables()));
    for (Variable<TFloat32> v : decoding) {
      if (!all.contains(v)) {
        all.add(v);
      }
    }
    return all;
  }

  /** The signatures a SavedModel of this autoencoder exports. */
  public List<Signature> signatures() {
    return List.of(
        Signature.builder().key("encode").input(INPUT, input).output(CODE, code).build(),
        Signature.builder().key("decode").input(CODE, codeInput).output(RECONSTRUCTION, decoded).build(),
        Signature.builder().key("reconstruct").input(INPUT, input).output(RECONSTRUCTION, reconstruction).build(),
        Signature.builder().key("score").input(INPUT, input).output(SCORE, perExampleLoss).build(),
        Signature.builder().key(Signature.DEFAULT_KEY).input(INPUT, input).output(CODE, code)
            .output(RECONSTRUCTION, reconstruction).output(SCORE, perExampleLoss).build());
  }
}
