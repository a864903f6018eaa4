package io.github.aelab.core.block;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Initializer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Transposed 2-D convolution (the gradient of a convolution with respect to its input), the
 * decoder's upsampling layer.
 *
 * <p>A strided convolution maps several input sizes to one output size, so the inverse is
 * ambiguous; {@code outputSize} pins it (mirror decoders set it to the encoder's input size, so
 * 28 &rarr; 14 &rarr; 7 &rarr; 4 comes back as 4 &rarr; 7 &rarr; 14 &rarr; 28).
 *
 * @see <a href="https://arxiv.org/abs/1603.07285">Dumoulin &amp; Visin, A guide to convolution arithmetic</a>
 */
public final class Conv2DTransposeBlock extends AbstractBlock {

  /** @param outputSize {height, width} to produce, or null for TensorFlow's default size */
  @Doc("transposed 2-D convolution (upsampling) over [height, width, channels] images")
  public record Spec(
      @Doc("output channels") int filters,
      @Doc("side of the square kernel") int kernelSize,
      @Doc("upsampling factor") @DefaultValue("1") int stride,
      @Doc("same or valid") @DefaultValue("same") Padding padding,
      @Doc("nonlinearity after the convolution") @DefaultValue("linear") Activation activation,
      @Doc("kernel initializer; default from the activation") @DefaultValue(DefaultValue.NULL) Initializer initializer,
      @Doc("[height, width] to produce; default: input size times stride") @DefaultValue(DefaultValue.NULL) int[] outputSize)
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
      if (outputSize != null) {
        if (outputSize.length != 2 || outputSize[0] < 1 || outputSize[1] < 1) {
          throw new IllegalArgumentException("output_size must be [height, width] of positive sizes, found "
              + Arrays.toString(outputSize));
        }
        outputSize = outputSize.clone();
      }
    }

    public Spec(int filters, int kernelSize, int stride, Activation activation) {
      this(filters, kernelSize, stride, Padding.SAME, activation, null, null);
    }

    @Override
    public String type() {
      return "conv2d_transpose";
    }

    @Override
    public Shape outputShape(Shape input) {
      Conv2DBlock.requireImage("conv2d_transpose", input);
      long h = size(input.size(0), 0);
      long w = size(input.size(1), 1);
      return Shape.of(h, w, filters);
    }

    private long size(long in, int axis) {
      if (outputSize == null) {
        return padding.transposeDefaultSize(in, kernelSize, stride);
      }
      long out = outputSize[axis];
      if (!padding.transposeCanProduce(out, in, kernelSize, stride)) {
        throw new IllegalArgumentException("conv2d_transpose cannot produce size " + out + " from " + in
            + " with kernel " + kernelSize + ", stride " + stride + " and " + padding + " padding");
      }
      return out;
    }

    @Override
    public BlockSpec mirror(Shape input, Activation activation) {
      return new Conv2DBlock.Spec((int) input.size(2), kernelSize, stride, padding, activation, null);
    }

    @Override
    public Block create(String name) {
      return new Conv2DTransposeBlock(name, this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spec s && filters == s.filters && kernelSize == s.kernelSize && stride == s.stride
          && padding == s.padding && activation == s.activation && initializer == s.initializer
          && Arrays.equals(outputSize, s.outputSize);
    }

    @Override
    public int hashCode() {
      return Objects.hash(filters, kernelSize, stride, padding, activation, initializer, Arrays.hashCode(outputSize));
    }

    @Override
    public String toString() {
      return "Conv2DTransposeBlock.Spec[filters=" + filters + ", kernelSize=" + kernelSize + ", stride=" + stride
          + ", padding=" + padding + ", activation=" + activation + ", outputSize=" + Arrays.toString(outputSize) + "]";
    }
  }

  private final Spec spec;
  private Operand<TFloat32> kernel;
  private Operand<TFloat32> bias;
  private Shape output;

  private Conv2DTransposeBlock(String name, Spec spec) {
    super(name);
    this.spec = spec;
  }

  @Override
  protected void build(BuildContext ctx, Shape example) {
    output = spec.outputShape(example);
    Ops tf = ctx.tf();
    long in = example.size(2);
    long k = spec.kernelSize();
    // Conv2DBackpropInput's filter is [kh, kw, out_channels, in_channels].
    Shape kernelShape = Shape.of(k, k, spec.filters(), in);
    kernel = read(ctx, addVariable(ctx, "kernel",
        spec.initializer().create(tf, kernelShape, k * k * in, k * k * spec.filters(), ctx.seeds().next())));
    bias = read(ctx, addVariable(ctx, "bias", tf.zeros(tf.constant(new long[] {spec.filters()}), TFloat32.class)));
  }

  @Override
  protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    Operand<TInt32> batch = tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> sizes = tf.concat(List.of(batch,
        tf.constant(new int[] {(int) output.size(0), (int) output.size(1), (int) output.size(2)})), tf.constant(0));
    long s = spec.stride();
    Operand<TFloat32> z = tf.nn.conv2dBackpropInput(sizes, kernel, input, List.of(1L, s, s, 1L), spec.padding().name());
    // The op cannot infer a static shape from a computed size tensor; restore it for the next block.
    z = tf.reshape(z, tf.constant(new long[] {-1, output.size(0), output.size(1), output.size(2)}));
    return spec.activation().apply(tf, tf.nn.biasAdd(z, bias));
  }
}
