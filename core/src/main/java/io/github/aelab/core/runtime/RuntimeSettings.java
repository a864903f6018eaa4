package io.github.aelab.core.runtime;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
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
@Doc("how TensorFlow runs: device, threads, XLA, determinism")
public record RuntimeSettings(
    @Doc("cpu, gpu or auto") @DefaultValue("cpu") Device device,
    @Doc("threads inside one op; 0: all cores") @DefaultValue("0") int intraOpThreads,
    @Doc("ops run in parallel; 0: TensorFlow's choice") @DefaultValue("0") int interOpThreads,
    @Doc("XLA JIT compilation (changes numerics)") @DefaultValue("false") boolean xla,
    @Doc("one thread per pool: bit-for-bit repeatable on CPU") @DefaultValue("false") boolean deterministic) {
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
