package io.github.aelab.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.io.SavedModels;
import io.github.aelab.core.stats.Rows;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A fitted detector written to a directory and read back: what a detector run keeps, so that
 * {@code aelab score} can score and flag new rows without the training data or a refit (PyOD
 * users pickle the fitted model; this is that, for Java and TensorFlow).
 *
 * <p>Every detector is the same two-part pipeline, either part optional:
 * <ol>
 *   <li>a TensorFlow part that maps each row to a vector (a deep detector's code, DAGMM's energy
 *   space, or its score directly), saved as a SavedModel with one signature {@value #SIGNATURE}
 *   ({@code x} to {@code y}; with an int64 {@code sample} input when the output is stochastic, as
 *   a VAE's negative ELBO is: the saved detector averages over the same sample numbers the fitted
 *   one did, so it gives the same scores);</li>
 *   <li>a Java {@link RowScorer} over those vectors (a classic detector's state, DAGMM's mixture,
 *   the density fitted on autoencoder codes); without one the TensorFlow output is the score.</li>
 * </ol>
 *
 * <p>Files: {@code detector.json} (format, columns, the parts; for people and for the loader's
 * checks), {@code graph/} (the SavedModel) and {@code state.ser} (the scorer and the training
 * scores, Java serialization). Reading {@code state.ser} admits only aelab's own classes and arrays
 * of primitives, so a tampered file cannot instantiate anything else; like a pickle, it is tied to
 * the aelab version that wrote it, which {@code detector.json} records.
 */
public final class SavedDetector implements FittedDetector {

  /** The version of this layout; a directory of another version is refused. */
  public static final int FORMAT = 1;
  /** The key of the SavedModel signature of the TensorFlow part. */
  public static final String SIGNATURE = "features";
  private static final String INPUT = "x";
  private static final String SAMPLE = "sample";
  private static final String OUTPUT = "y";
  private static final int BATCH = 1024;
  private static final ObjectInputFilter ONLY_AELAB = ObjectInputFilter.Config.createFilter(
      "maxdepth=32;io.github.aelab.**;java.lang.Enum;!*");

  /**
   * The TensorFlow part of a fitted detector, in its live session.
   *
   * @param sample  the sample-number input of a stochastic {@code output}, else null
   * @param samples how many sample numbers ({@code 0 .. samples - 1}) the score averages over;
   *                1 without a sample input
   */
  public record Graph(Session session, Operand<TFloat32> input, Operand<TFloat32> output, Placeholder<TInt64> sample,
      int samples) {
    public Graph {
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(output, "output");
      if (samples < 1 || (sample == null && samples != 1)) {
        throw new IllegalArgumentException("samples must be >= 1, and 1 without a sample input, found " + samples);
      }
    }

    /** A deterministic output. */
    public static Graph of(Session session, Operand<TFloat32> input, Operand<TFloat32> output) {
      return new Graph(session, input, output, null, 1);
    }
  }

  /** What {@code state.ser} holds. */
  private record State(int cols, RowScorer scorer, double[] trainingScores) implements Serializable {}

  private final Path dir;
  private final int cols;
  private final SavedModelBundle graph;
  private final int samples;
  private final boolean sampled;
  private final RowScorer scorer;
  private final double[] trainingScores;

  private SavedDetector(Path dir, int cols, SavedModelBundle graph, boolean sampled, int samples, RowScorer scorer,
      double[] trainingScores) {
    this.dir = dir;
    this.cols = cols;
    this.graph = graph;
    this.sampled = sampled;
    this.samples = samples;
    this.scorer = scorer;
    this.trainingScores = trainingScores;
  }

  /**
   * Writes a fitted detector over {@code cols} input columns into {@code dir}, which must not
   * exist: its TensorFlow part ({@code graph}, null for none) and its Java part ({@code scorer},
   * null when the graph's output is the score), and its training scores.
   */
  public static void write(Path dir, int cols, Graph graph, RowScorer scorer, double[] trainingScores) {
    if (graph == null && scorer == null) {
      throw new IllegalArgumentException("a saved detector needs a graph, a scorer or both");
    }
    if (Files.exists(dir)) {
      throw new IllegalArgumentException(dir + ": already exists; a detector is saved to a new directory");
    }
    try {
      Files.createDirectories(dir);
      if (graph != null) {
        Signature.Builder signature = Signature.builder().key(SIGNATURE).input(INPUT, graph.input())
            .output(OUTPUT, graph.output());
        if (graph.sample() != null) {
          signature.input(SAMPLE, graph.sample());
        }
        SavedModels.export(graph.session(), dir.resolve("graph"), List.of(signature.build()));
      }
      try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(
          Files.newOutputStream(dir.resolve("state.ser"))))) {
        out.writeObject(new State(cols, scorer, trainingScores.clone()));
      }
      Map<String, Object> description = new LinkedHashMap<>();
      description.put("format", FORMAT);
      description.put("aelab_version", version());
      description.put("columns", cols);
      description.put("graph", graph == null ? null : Map.of("signature", SIGNATURE,
          "samples", graph.samples(), "sampled", graph.sample() != null));
      description.put("scorer", scorer == null ? null : scorer.getClass().getName());
      description.put("training_rows", trainingScores.length);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("detector.json").toFile(),
          description);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the detector to " + dir, e);
    }
  }

  /** Reads a detector written by {@link #write}; close it when done (it may hold a session). */
  public static SavedDetector load(Path dir) {
    Path json = dir.resolve("detector.json");
    if (!Files.isRegularFile(json)) {
      throw new IllegalArgumentException(dir + ": not a saved detector (no detector.json)");
    }
    try {
      JsonNode description = new ObjectMapper().readTree(json.toFile());
      int format = description.path("format").asInt(-1);
      if (format != FORMAT) {
        throw new IllegalArgumentException(json + ": field 'format' is " + description.get("format")
            + ", this aelab (" + version() + ") reads format " + FORMAT);
      }
      State state = readState(dir.resolve("state.ser"), description.path("aelab_version").asText("?"));
      JsonNode g = description.path("graph");
      if (g.isNull() || g.isMissingNode()) {
        return new SavedDetector(dir, state.cols(), null, false, 1, state.scorer(), state.trainingScores());
      }
      SavedModelBundle bundle = SavedModels.load(dir.resolve("graph"));
      return new SavedDetector(dir, state.cols(), bundle, g.path("sampled").asBoolean(), g.path("samples").asInt(1),
          state.scorer(), state.trainingScores());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the saved detector in " + dir, e);
    }
  }

  private static State readState(Path file, String writtenBy) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      in.setObjectInputFilter(ONLY_AELAB);
      return (State) in.readObject();
    } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
      throw new IllegalArgumentException(file + ": written by aelab " + writtenBy + ", which this aelab (" + version()
          + ") cannot read: " + e.getMessage(), e);
    }
  }

  private static String version() {
    String v = SavedDetector.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** The number of input columns. */
  public int cols() {
    return cols;
  }

  @Override
  public double[] trainingScores() {
    return trainingScores.clone();
  }

  @Override
  public double[] score(Dataset rows) {
    if (rows.cols() != cols) {
      throw new IllegalArgumentException("the detector saved in " + dir + " takes " + cols + " columns, '"
          + rows.name() + "' has " + rows.cols());
    }
    if (rows.rows() == 0) {
      return new double[0];
    }
    double[] values = graph == null ? Rows.toDouble(rows.features()) : graphOutput(rows);
    if (scorer == null) {
      return values;
    }
    return FittedRows.scoreEach(scorer, values, rows.rows());
  }

  /** The TensorFlow part's output per row, averaged over the sample numbers as the fitted detector did. */
  private double[] graphOutput(Dataset rows) {
    if (!sampled) {
      return Rows.toDouble(run(rows, -1));
    }
    double[] total = null;
    for (int s = 0; s < samples; s++) {
      float[] values = run(rows, s);
      if (total == null) {
        total = new double[values.length];
      }
      for (int i = 0; i < total.length; i++) {
        total[i] += values[i] / samples;
      }
    }
    return total;
  }

  private float[] run(Dataset rows, long sample) {
    try (TInt64 index = TInt64.scalarOf(sample)) {
      return SavedModels.callBatched(graph, SIGNATURE, INPUT, OUTPUT, rows.features(), cols, BATCH,
          sampled ? Map.<String, Tensor>of(SAMPLE, index) : Map.<String, Tensor>of());
    }
  }

  /** Copies the saved files: the state is already in them. */
  @Override
  public void save(Path target) {
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + ": already exists; a detector is saved to a new directory");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Files.copy(source, target.resolve(dir.relativize(source).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the saved detector " + dir + " to " + target, e);
    }
  }

  @Override
  public void close() {
    if (graph != null) {
      graph.close();
    }
  }
}
