package io.github.aelab.benchmarks;

import io.github.aelab.core.block.Conv2DBlock;
import io.github.aelab.core.block.ReshapeBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.runtime.Device;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.EpochRecord;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.TrainingResult;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Training samples/s and scoring rows/s of the reference models at one batch size: the Hinton
 * 784-1000-500-250-30 autoencoder, the DEC 784-500-500-2000-10 autoencoder and a convolutional
 * autoencoder, with the machine's single-precision matmul rate measured in the same run (so a
 * percentage of it is honest) and the process's memory high-water mark. Epochs after the first
 * (warm-up) are timed; the median is reported.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
    description = "Training and scoring throughput of the reference autoencoders, with the machine's sgemm rate.")
public final class ThroughputBenchmark implements Callable<Integer> {

  @Option(names = "--batch", defaultValue = "256", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--rows", defaultValue = "16384", description = "Rows per epoch (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--epochs", defaultValue = "4", description = "Epochs per model; the first is warm-up (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads, 0 for all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--models", split = ",", defaultValue = "hinton,dec,conv", description = "Models to run (default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(names = "--out", description = "Write results.json and report.md here.")
  Path out;

  @Option(names = "--variants", split = ",", defaultValue = "default", description = "Runtime variants to time per "
      + "model, each against the first: default, xla (XLA JIT; on CPU needs TF_XLA_FLAGS=--tf_xla_cpu_global_jit, "
      + "which ./aelab sets), one-thread (intra- and inter-op pools of 1) (default: ${DEFAULT-VALUE}).")
  List<String> variants;

  /** A runtime setting whose effect the report measures against the first variant. */
  enum Variant {
    DEFAULT,
    XLA,
    ONE_THREAD;

    RuntimeSettings apply(RuntimeSettings base) {
      return switch (this) {
        case DEFAULT -> base;
        case XLA -> new RuntimeSettings(base.device(), base.intraOpThreads(), base.interOpThreads(), true,
            base.deterministic());
        case ONE_THREAD -> new RuntimeSettings(base.device(), 1, 1, base.xla(), base.deterministic());
      };
    }

    static Variant parse(String name) {
      try {
        return valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--variants: unknown '" + name + "'; known: default, xla, one-thread");
      }
    }

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  static AutoencoderSpec model(String name) {
    return switch (name) {
      case "hinton" -> AutoencoderSpec.builder(784).hidden(Activation.RELU, 1000, 500, 250).code(30, Activation.LINEAR)
          .loss(ReconstructionLoss.BCE).build();
      case "dec" -> AutoencoderSpec.builder(784).hidden(Activation.RELU, 500, 500, 2000).code(10, Activation.LINEAR)
          .loss(ReconstructionLoss.MSE).build();
      case "small" -> AutoencoderSpec.builder(784).hidden(Activation.RELU, 128).code(16, Activation.LINEAR)
          .loss(ReconstructionLoss.BCE).build();
      case "conv" -> AutoencoderSpec.builder(784)
          .encoder(new ReshapeBlock.Spec(new long[] {28, 28, 1}), new Conv2DBlock.Spec(32, 3, 2, Activation.RELU),
              new Conv2DBlock.Spec(64, 3, 2, Activation.RELU), new ReshapeBlock.FlattenSpec())
          .code(16, Activation.LINEAR).loss(ReconstructionLoss.BCE).build();
      default -> throw new IllegalArgumentException("unknown model '" + name + "'; known: hinton, dec, conv, small");
    };
  }

  @Override
  public Integer call() throws IOException {
    RuntimeSettings runtime = new RuntimeSettings(Device.valueOf(device.toUpperCase(Locale.ROOT)), threads, 0, false, false);
    List<Variant> timed = variants.stream().map(Variant::parse).toList();
    System.out.println("device: " + io.github.aelab.core.runtime.Sessions.resolve(runtime.device()).yamlName());
    float[] x = new float[rows * 784];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    double gflops = sgemmGflops(runtime);
    double overheadSeconds = stepOverheadSeconds(runtime, x);
    List<Map<String, Object>> results = new ArrayList<>();
    List<Map<String, Object>> variantResults = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "machine sgemm rate: %.1f GFLOP/s (2048x2048, %s threads)%n"
            + "per-step feed and dispatch (a batch copied in, one Session.run of a trivial fetch): %.0f us%n%n"
            + "| model | train samples/s | train GFLOP/s | %% of sgemm | score rows/s | feed+dispatch, %% of a step |%n"
            + "| --- | --- | --- | --- | --- | --- |%n",
        gflops, threads == 0 ? "all" : threads, overheadSeconds * 1e6));
    StringBuilder effects = new StringBuilder();
    for (String name : models) {
      AutoencoderSpec spec = model(name);
      // The first variant is the headline measurement; the others are timed against it.
      double[] first = rates(spec, timed.get(0).apply(runtime), x);
      double samples = first[0];
      double scoreRate = first[1];
      double flopsPerSample = 6.0 * weights(spec); // forward 2, backward 4 per weight (dense layers)
      double trainGflops = name.equals("conv") ? Double.NaN : samples * flopsPerSample / 1e9;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", name);
      m.put("batch", batch);
      m.put("train_samples_per_second", samples);
      m.put("train_gflops", trainGflops);
      m.put("percent_of_sgemm", 100 * trainGflops / gflops);
      m.put("score_rows_per_second", scoreRate);
      // What an input pipeline inside the graph and several steps per Session.run could save at most.
      double overheadShare = overheadSeconds / (batch / samples);
      m.put("feed_dispatch_share_of_step", overheadShare);
      results.add(m);
      table.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %.0f | %.1f %% |%n", name, samples,
          Double.isNaN(trainGflops) ? "" : String.format(Locale.ROOT, "%.1f", trainGflops),
          Double.isNaN(trainGflops) ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * trainGflops / gflops), scoreRate,
          100 * overheadShare));
      if (timed.size() > 1) {
        effects.append(effects.length() == 0 ? String.format(Locale.ROOT, "%n| model | variant | train samples/s "
            + "| vs %s | score rows/s | vs %s |%n| --- | --- | --- | --- | --- | --- |%n", timed.get(0).label(),
            timed.get(0).label()) : "");
        for (Variant v : timed) {
          double[] rates = v == timed.get(0) ? first : rates(spec, v.apply(runtime), x);
          effects.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.0f | %.2f |%n", name, v.label(),
              rates[0], rates[0] / first[0], rates[1], rates[1] / first[1]));
          Map<String, Object> vm = new LinkedHashMap<>();
          vm.put("model", name);
          vm.put("variant", v.label());
          vm.put("train_samples_per_second", rates[0]);
          vm.put("score_rows_per_second", rates[1]);
          variantResults.add(vm);
        }
      }
    }
    long hwm = highWaterBytes();
    table.append(String.format(Locale.ROOT, "%nmemory high-water mark: %.0f MiB%n", hwm / 1048576.0));
    if (effects.length() > 0) {
      table.append("\nEffect of each runtime variant, timed in this run (same data, batch and epochs):\n").append(effects);
    }
    System.out.print(table);
    if (out != null) {
      Files.createDirectories(out);
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("sgemm_gflops", gflops);
      all.put("step_feed_dispatch_seconds", overheadSeconds);
      all.put("models", results);
      all.put("memory_high_water_bytes", hwm);
      all.put("variants", variantResults);
      new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("results.json").toFile(), all);
      Files.writeString(out.resolve("report.md"), "# throughput\n\n" + table);
    }
    return 0;
  }

  /** Median training samples/s (epochs after the first) and scoring rows/s of one model under {@code settings}. */
  private double[] rates(AutoencoderSpec spec, RuntimeSettings settings, float[] x) {
    try (AutoencoderSession ae = AutoencoderSession.create(spec, AutoencoderSession.Plan.of(FitSpec.adam(1e-4, epochs, batch)),
        1, settings, rows)) {
      TrainingResult t = ae.fit(x, null, List.of(), null);
      double[] perEpoch = t.history().stream().skip(1).mapToDouble(EpochRecord::samplesPerSecond).sorted().toArray();
      ae.score(x); // warm-up (and XLA's compilation)
      long start = System.nanoTime();
      ae.score(x);
      return new double[] {perEpoch[perEpoch.length / 2], rows / ((System.nanoTime() - start) / 1e9)};
    }
  }

  /** Weights of the dense layers of encoder, code and mirrored decoder. */
  static long weights(AutoencoderSpec spec) {
    long total = 0;
    long width = spec.inputDim();
    var blocks = spec.encoderWithCode();
    for (var b : blocks) {
      if (b instanceof io.github.aelab.core.block.DenseBlock.Spec d) {
        total += 2 * width * d.units(); // the mirror has as many
        width = d.units();
      }
    }
    return total;
  }

  /** Single-precision matmul rate of this machine through TensorFlow: 2048 x 2048 products, best of five. */
  static double sgemmGflops(RuntimeSettings runtime) {
    int n = 2048;
    try (Graph g = new Graph(); Session s = io.github.aelab.core.runtime.Sessions.open(g, runtime)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.variable(tf.random.statelessRandomUniform(tf.constant(new long[] {n, n}), tf.constant(new long[] {1, 2})));
      Operand<TFloat32> b = tf.variable(tf.random.statelessRandomUniform(tf.constant(new long[] {n, n}), tf.constant(new long[] {3, 4})));
      Operand<TFloat32> c = tf.reduceSum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
      double best = Double.MAX_VALUE;
      for (int i = 0; i < 6; i++) {
        long t = System.nanoTime();
        try (Result r = s.runner().fetch(c).run()) {
          r.get(0);
        }
        if (i > 0) {
          best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
      }
      return 2.0 * n * n * n / best / 1e9;
    }
  }

  /**
   * The part of a training step that is not the model's arithmetic: the trainer's feeder copies a
   * shuffled batch of {@code --batch} rows into its reused input tensor and one Session.run
   * fetches a trivial slice of it. Median of 500 steps after 50 of warm-up. An input pipeline in
   * the graph and several steps per Session.run can only remove this much.
   */
  double stepOverheadSeconds(RuntimeSettings runtime, float[] x) {
    try (Graph g = new Graph(); Session s = io.github.aelab.core.runtime.Sessions.open(g, runtime)) {
      Ops tf = Ops.create(g);
      var input = tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(
          org.tensorflow.ndarray.Shape.of(-1, 784)));
      Operand<TFloat32> corner = tf.slice(input, tf.constant(new long[] {0, 0}), tf.constant(new long[] {1, 1}));
      int[] order = new int[rows];
      for (int i = 0; i < rows; i++) {
        order[i] = (int) ((i * 7919L) % rows);
      }
      double[] seconds = new double[550];
      try (var feeder = new io.github.aelab.core.train.BatchFeeder(List.of(
          new io.github.aelab.core.train.Feed(input, x, 784)))) {
        for (int step = 0; step < seconds.length; step++) {
          int from = (step * batch) % (rows - batch + 1);
          long t = System.nanoTime();
          Session.Runner runner = s.runner().fetch(corner);
          feeder.feed(runner, order, from, batch);
          try (Result r = runner.run()) {
            r.get(0);
          }
          seconds[step] = (System.nanoTime() - t) / 1e9;
        }
      }
      double[] timed = java.util.Arrays.copyOfRange(seconds, 50, seconds.length);
      java.util.Arrays.sort(timed);
      return timed[timed.length / 2];
    }
  }

  static long highWaterBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
