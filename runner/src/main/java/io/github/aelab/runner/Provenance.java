package io.github.aelab.runner;

import io.github.aelab.core.runtime.Device;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.runtime.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tensorflow.TensorFlow;

/**
 * What produced a run: versions, machine, device and thread settings, the environment switches
 * that change TensorFlow's numerics, the seed, the git commit when run from a checkout, and the
 * sha256 of every data file read.
 */
public final class Provenance {
  private static final String[] NUMERIC_SWITCHES = {"TF_ENABLE_ONEDNN_OPTS", "TF_XLA_FLAGS", "TF_DETERMINISTIC_OPS",
      "OMP_NUM_THREADS", "CUDA_VISIBLE_DEVICES"};

  private Provenance() {}

  public static Map<String, Object> describe(long seed, RuntimeSettings runtime, Map<String, Path> dataFiles) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("aelab_version", version());
    p.put("tensorflow_version", TensorFlow.version());
    p.put("java_version", System.getProperty("java.version"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    p.put("cpu_cores", Runtime.getRuntime().availableProcessors());
    p.put("git_commit", gitCommit());
    p.put("seed", seed);
    Map<String, Object> rt = new LinkedHashMap<>();
    rt.put("device_requested", runtime.device().yamlName());
    Device used = Sessions.resolve(runtime.device());
    rt.put("device_used", used.yamlName());
    rt.put("intra_op_threads", runtime.effectiveIntraOpThreads());
    rt.put("inter_op_threads", runtime.effectiveInterOpThreads());
    rt.put("xla", runtime.xla());
    rt.put("deterministic", runtime.deterministic());
    p.put("runtime", rt);
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : NUMERIC_SWITCHES) {
      env.put(name, System.getenv(name));
    }
    p.put("environment", env);
    Map<String, Object> data = new LinkedHashMap<>();
    dataFiles.forEach((name, file) -> data.put(name, Map.of("path", file.toString(), "sha256", sha256(file))));
    p.put("data_files", data);
    return p;
  }

  static String version() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v != null ? v : "development";
  }

  static String gitCommit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes()).trim();
      if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
        return out;
      }
    } catch (IOException e) {
      return null; // no git on the machine: not a checkout we can name
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
