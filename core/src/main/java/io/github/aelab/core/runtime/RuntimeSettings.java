package io.github.aelab.core.runtime;

import java.util.Objects;

/**
 * How TensorFlow runs an experiment: device, thread pools, XLA JIT, determinism. Recorded with
 * every run because each of them can change the numbers.
 *
 * @param intraOpThreads threads inside one op (matmul); 0 lets TensorFlow pick (all cores)
 * @param interOpThreads independent ops in parallel; 0 lets TensorFlow pick
 * @param xla XLA JIT compilation of the graph; changes numerics, so off by default
 * @param deterministic forces one thread per pool so CPU runs repeat bit for bit (costs about a
 *     third of the speed on 2 cores); overrides the thread counts
 */
public record RuntimeSettings(Device device, int intraOpThreads, int interOpThreads, boolean xla, boolean deterministic) {
  public RuntimeSettings {
    Objects.requireNonNull(device, "device");
    if (intraOpThreads < 0) {
      throw new IllegalArgumentException("intra_op_threads must be >= 0, found " + intraOpThreads);
    }
    if (interOpThreads < 0) {
      throw new IllegalArgumentException("inter_op_threads must be >= 0, found " + interOpThreads);
    }
  }

  /** CPU, TensorFlow's thread defaults, no XLA, not forced deterministic. */
  public static RuntimeSettings defaults() {
    return new RuntimeSettings(Device.CPU, 0, 0, false, false);
  }

  /** CPU with one thread per pool: bit-for-bit repeatable. */
  public static RuntimeSettings reproducible() {
    return new RuntimeSettings(Device.CPU, 1, 1, false, true);
  }

  public int effectiveIntraOpThreads() {
    return deterministic ? 1 : intraOpThreads;
  }

  public int effectiveInterOpThreads() {
    return deterministic ? 1 : interOpThreads;
  }
}
