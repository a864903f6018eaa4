package io.github.aelab.experiments.bind;

/** The binder adapters of the experiment language. */
public final class Adapters {
  private Adapters() {}

  /** {@code decoder: mirror} or a list of blocks. */
  public static SpecBinder.Adapter decoder() {
    return new DecoderAdapter();
  }
}
