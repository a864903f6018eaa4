package io.github.aelab.core.block;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Initializer;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** 2-D convolution over NHWC images with a square kernel, then bias and activation. */
public final class Conv2DBlock extends AbstractBlock {

  @Doc("2-D convolution over [height, width, channels] images")
  public record Spec(
      @Doc("output channels") int filters,
      @Doc("side of the square kernel") int kernelSize,
      @Doc("step between windows") @DefaultValue("1") int stride,
      @Doc("same or valid") @DefaultValue("same") Padding padding,
      @Doc("nonlinearity after the convolution") @DefaultValue("linear") Activation activation,
      @Doc("kernel initializer; default from the activation") @DefaultValue(DefaultValue.NULL) Initializer initializer)
      implements MirrorableSpec {
    public Spec {
      if (filters < 1) {
        throw new IllegalArgumentException("filters must be >= 1, found " + filters);
      }
      if (kernelSize < 1) {
        throw new IllegalArgumentException("kernel_size must be >= 1, found " + kernelSize);
      }
      if (stride < 1) {
        throw new IllegalArgumentException("stride must be >= 1, found " + stride);
      }
      Objects.requireNonNull(padding, "padding");
      Objects.requireNonNull(activation, "activation");
      if (initializer == null) {
        initializer = Initializer.defaultFor(activation);
      }
    }

    public Spec(int filters, int kernelSize, int stride, Activation activation) {
      this(filters, kernelSize, stride, Padding.SAME, activation, null);
    }

    @Override
    public String type() {
      return "conv2d";
    }

    @Override
    public Shape outputShape(Shape input) {
      requireImage("conv2d", input);
      long h = padding.outputSize(input.size(0), kernelSize, stride);
      long w = padding.outputSize(input.size(1), kernelSize, stride);
      if (h < 1 || w < 1) {
        throw new IllegalArgumentException("conv2d with kernel " + kernelSize + " and " + padding
            + " padding leaves no output for input " + input);
      }
      return Shape.of(h, w, filters);
    }

    @Override
    public BlockSpec mirror(Shape input, Activation activation) {
      return new Conv2DTransposeBlock.Spec((int) input.size(2), kernelSize, stride, padding, activation, null,
          new int[] {(int) input.size(0), (int) input.size(1)});
    }

    @Override
    public Block create(String name) {
      return new Conv2DBlock(name, this);
    }
  }

  static void requireImage(String type, Shape input) {
    if (input.numDimensions() != 3) {
      throw new IllegalArgumentException(type + " needs image inputs [height, width, channels], found per-example shape "
          + input + "; add a reshape block before it");
    }
  }

  private final Spec spec;
  private Operand<TFloat32> kernel;
  private Operand<TFloat32> bias;

  private Conv2DBlock(String name, Spec spec) {
    super(name);
    this.spec = spec;
  }

  public Spec spec() {
    return spec;
  }

  @Override
  protected void build(BuildContext ctx, Shape example) {
    spec.outputShape(example);
    Ops tf = ctx.tf();
    long in = example.size(2);
    long k = spec.kernelSize();
    Shape kernelShape = Shape.of(k, k, in, spec.filters());
    kernel = read(ctx, addVariable(ctx, "kernel",
        spec.initializer().create(tf, kernelShape, k * k * in, k * k * spec.filters(), ctx.seeds().next())));
    bias = read(ctx, addVariable(ctx, "bias", tf.zeros(tf.constant(new long[] {spec.filters()}), TFloat32.class)));
  }

  @Override
  protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    long s = spec.stride();
    Operand<TFloat32> z = tf.nn.conv2d(input, kernel, List.of(1L, s, s, 1L), spec.padding().name());
    return spec.activation().apply(tf, tf.nn.biasAdd(z, bias));
  }
}
