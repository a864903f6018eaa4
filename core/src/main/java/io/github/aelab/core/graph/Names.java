package io.github.aelab.core.graph;

import org.tensorflow.op.Ops;

/** Hierarchical op names: TensorFlow wants "a/b/c" built from sub-scopes, not passed whole. */
public final class Names {
  private Names() {}

  /** Ops that will name the next op {@code path} ("encoder/0_dense/kernel"). */
  public static Ops named(Ops tf, String path) {
    String[] parts = path.split("/");
    Ops scoped = tf;
    for (int i = 0; i < parts.length - 1; i++) {
      scoped = scoped.withSubScope(parts[i]);
    }
    return scoped.withName(parts[parts.length - 1]);
  }
}
