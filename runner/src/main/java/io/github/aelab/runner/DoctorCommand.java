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
    System.out.println("onednn      " + (System.getenv("TF_ENABLE_ONEDNN_OPTS") == null ? "default (on)" : "TF_ENABLE_ONEDNN_OPTS=" + System.getenv("TF_ENABLE_ONEDNN_OPTS")));
    boolean gpu = Sessions.gpuUsable();
    System.out.println("gpu         " + (gpu ? "usable" : "not usable: " + Sessions.gpuProblem()));
    return AelabCommand.OK;
  }
}
