package io.github.aelab.runner;

import io.github.aelab.core.runtime.Sessions;
import java.util.concurrent.Callable;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;

/** What this machine offers aelab: Java, TensorFlow, cores, and whether a GPU is usable (and why not). */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Report Java, TensorFlow, CPU and GPU status.")
public final class DoctorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("java        " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    System.out.println("tensorflow  " + TensorFlow.version());
    System.out.println("cpu cores   " + Runtime.getRuntime().availableProcessors());
    System.out.println("cpu         " + cpuDescription());
    System.out.println("onednn      " + (System.getenv("TF_ENABLE_ONEDNN_OPTS") == null ? "default (on)" : "TF_ENABLE_ONEDNN_OPTS=" + System.getenv("TF_ENABLE_ONEDNN_OPTS")));
    boolean gpu = Sessions.gpuUsable();
    System.out.println("gpu         " + (gpu ? "usable" : "not usable: " + Sessions.gpuProblem()));
    return AelabCommand.OK;
  }

  /** Model name and the vector extensions TensorFlow's CPU kernels use, from /proc/cpuinfo (Linux). */
  static String cpuDescription() {
    try {
      java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"));
      String model = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
      java.util.Set<String> flags = lines.stream().filter(l -> l.startsWith("flags")).findFirst()
          .map(l -> java.util.Set.of(l.substring(l.indexOf(':') + 1).strip().split("\\s+"))).orElse(java.util.Set.of());
      java.util.List<String> wanted = java.util.List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_bf16", "amx_tile");
      return model + "; " + String.join(" ", wanted.stream().filter(flags::contains).toList());
    } catch (java.io.IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
