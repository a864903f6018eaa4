package io.github.aelab.core.block;

/** Convolution padding, as TensorFlow defines it. */
public enum Padding {
  /** Output size ceil(in / stride): zero-padded so every input position is covered. */
  SAME,
  /** Output size ceil((in - kernel + 1) / stride): only windows that fit entirely. */
  VALID;

  long outputSize(long in, int kernel, int stride) {
    return this == SAME ? ceilDiv(in, stride) : ceilDiv(in - kernel + 1, stride);
  }

  /** The sizes a transposed convolution may produce from {@code in} so that its forward conv gives back {@code in}. */
  boolean transposeCanProduce(long out, long in, int kernel, int stride) {
    return out >= 1 && outputSize(out, kernel, stride) == in;
  }

  /** The size a transposed convolution produces by default (TensorFlow/Keras convention). */
  long transposeDefaultSize(long in, int kernel, int stride) {
    return this == SAME ? in * stride : (in - 1) * stride + kernel;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
