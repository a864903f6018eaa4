package io.github.aelab.core.block;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Initializer;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Fully connected layer {@code activation(x W + b)}. A decoder layer may be <em>tied</em> to an
 * encoder layer: it then uses the transpose of that layer's kernel and owns only its bias
 * (Vincent et al. 2008; halves the parameters of a mirrored autoencoder).
 */
public final class DenseBlock extends AbstractBlock {

  /**
   * @param units output width, &gt;= 1
   * @param activation applied after the affine map
   * @param initializer kernel initializer; null picks {@link Initializer#defaultFor(Activation)}
   * @param useBias whether to add a bias
   */
  @Doc("fully connected layer: activation(x W + b)")
  public record Spec(
      @Doc("output width") int units,
      @Doc("nonlinearity after the affine map") @DefaultValue("linear") Activation activation,
      @Doc("kernel initializer; default: he_uniform for the relu family, glorot_uniform otherwise")
      @DefaultValue(DefaultValue.NULL) Initializer initializer,
      @Doc("add a bias") @DefaultValue("true") boolean useBias)
      implements MirrorableSpec {
    public Spec {
      if (units < 1) {
        throw new IllegalArgumentException("units must be >= 1, found " + units);
      }
      Objects.requireNonNull(activation, "activation");
      if (initializer == null) {
        initializer = Initializer.defaultFor(activation);
      }
    }

    public Spec(int units, Activation activation) {
      this(units, activation, null, true);
    }

    @Override
    public String type() {
      return "dense";
    }

    @Override
    public Shape outputShape(Shape input) {
      if (input.numDimensions() != 1) {
        throw new IllegalArgumentException(
            "dense needs flat inputs, found per-example shape " + input + "; add a flatten block before it");
      }
      return Shape.of(units);
    }

    @Override
    public BlockSpec mirror(Shape input, Activation activation) {
      return new Spec((int) input.size(0), activation, null, useBias);
    }

    @Override
    public Block create(String name) {
      return new DenseBlock(name, this, null);
    }
  }

  private final Spec spec;
  private final DenseBlock tiedTo;
  private Operand<TFloat32> kernel;
  private Operand<TFloat32> bias;

  private DenseBlock(String name, Spec spec, DenseBlock tiedTo) {
    super(name);
    this.spec = spec;
    this.tiedTo = tiedTo;
  }

  /**
   * A layer whose kernel is the transpose of {@code encoder}'s; its width is the encoder layer's
   * input width. The encoder layer must have been applied first.
   */
  public static DenseBlock tiedTranspose(String name, DenseBlock encoder, Activation activation) {
    if (encoder.kernel == null) {
      throw new IllegalStateException("tied layer '" + name + "' needs '" + encoder.name() + "' applied first");
    }
    long inputWidth = encoder.kernel.shape().size(0);
    Spec spec = new Spec((int) inputWidth, activation, Initializer.ZEROS, encoder.spec.useBias());
    return new DenseBlock(name, spec, encoder);
  }

  public Spec spec() {
    return spec;
  }

  /** True when this layer reuses another layer's (transposed) kernel. */
  public boolean isTied() {
    return tiedTo != null;
  }

  @Override
  protected void build(BuildContext ctx, Shape example) {
    spec.outputShape(example);
    Ops tf = ctx.tf();
    long in = example.size(0);
    if (tiedTo == null) {
      Shape kernelShape = Shape.of(in, spec.units());
      kernel = read(ctx, addVariable(ctx, "kernel",
          spec.initializer().create(tf, kernelShape, in, spec.units(), ctx.seeds().next())));
    } else {
      if (tiedTo.kernel.shape().size(1) != in) {
        throw new IllegalArgumentException("tied layer '" + name() + "' gets width " + in
            + " but '" + tiedTo.name() + "' produces width " + tiedTo.kernel.shape().size(1));
      }
      kernel = tiedTo.kernel;
    }
    if (spec.useBias()) {
      bias = read(ctx, addVariable(ctx, "bias", tf.zeros(tf.constant(new long[] {spec.units()}), TFloat32.class)));
    }
  }

  @Override
  protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    Operand<TFloat32> z = tiedTo == null
        ? tf.linalg.matMul(input, kernel)
        : tf.linalg.matMul(input, kernel, MatMul.transposeB(true));
    if (bias != null) {
      z = tf.nn.biasAdd(z, bias);
    }
    return spec.activation().apply(tf, z);
  }

  /** The kernel this layer multiplies by (its own, or the tied layer's before transposition). */
  public Operand<TFloat32> kernel() {
    return kernel;
  }
}
