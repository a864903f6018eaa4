package io.github.aelab.core.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.types.TFloat32;

/** Opens sessions configured by {@link RuntimeSettings}, and tells whether a GPU is usable. */
public final class Sessions {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
  private static volatile String gpuProblem;
  private static volatile Boolean gpuUsable;

  private Sessions() {}

  /** The device a run will really use, after resolving {@code auto} and checking {@code gpu}. */
  public static Device resolve(Device requested) {
    return switch (requested) {
      case CPU -> Device.CPU;
      case GPU -> {
        if (!gpuUsable()) {
          throw new IllegalStateException("device 'gpu' was requested but no GPU is usable: " + gpuProblem
              + ". Build with -Pgpu on a host with CUDA 12 and cuDNN 9, or set runtime.device to cpu or auto.");
        }
        yield Device.GPU;
      }
      case AUTO -> {
        if (gpuUsable()) {
          yield Device.GPU;
        }
        LOG.info("device 'auto': no usable GPU ({}), running on the CPU", gpuProblem);
        yield Device.CPU;
      }
    };
  }

  /** The session configuration for these settings. */
  public static ConfigProto config(RuntimeSettings settings) {
    Device device = resolve(settings.device());
    ConfigProto.Builder config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(settings.effectiveIntraOpThreads())
        .setInterOpParallelismThreads(settings.effectiveInterOpThreads())
        .setAllowSoftPlacement(true);
    if (device == Device.CPU) {
      config.putDeviceCount("GPU", 0);
    } else {
      config.setGpuOptions(org.tensorflow.proto.GPUOptions.newBuilder().setAllowGrowth(true));
    }
    if (settings.xla()) {
      config.setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(
          OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)));
    }
    return config.build();
  }

  public static Session open(Graph graph, RuntimeSettings settings) {
    return new Session(graph, config(settings));
  }

  /**
   * Whether a GPU can run ops: placed a small op on GPU:0 without soft placement. The CPU build of
   * the native library has no GPU kernels at all, and a GPU build without a driver fails here too.
   */
  public static synchronized boolean gpuUsable() {
    if (gpuUsable == null) {
      try (Graph g = new Graph()) {
        Ops tf = Ops.create(g).withDevice(org.tensorflow.DeviceSpec.newBuilder()
            .deviceType(org.tensorflow.DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
        var x = tf.math.add(tf.constant(1f), tf.constant(2f));
        ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
        try (Session s = new Session(g, strict); Result r = s.runner().fetch(x).run()) {
          ((TFloat32) r.get(0)).getFloat();
          gpuUsable = true;
        }
      } catch (RuntimeException e) {
        gpuUsable = false;
        String message = String.valueOf(e.getMessage());
        gpuProblem = message.lines().findFirst().orElse(message);
      }
    }
    return gpuUsable;
  }

  /** Why no GPU is usable, or null when one is. */
  public static String gpuProblem() {
    gpuUsable();
    return gpuProblem;
  }
}
