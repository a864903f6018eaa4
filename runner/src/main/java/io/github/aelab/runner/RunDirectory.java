package io.github.aelab.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The directory of one run. Every file is written atomically (temporary file, then rename), so a
 * reader never sees half a file, and a run that fails keeps everything written before the
 * failure plus a {@code status.json} that says why.
 */
public final class RunDirectory {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path root;

  private RunDirectory(Path root) {
    this.root = root;
  }

  /**
   * {@code out} exactly when given (it must be empty or absent), else a new directory
   * {@code runs/<name>-<timestamp>} (see {@link #claimNew}).
   */
  public static RunDirectory create(Path out, String name) {
    Path root = out != null ? claimGiven(out) : claimNew(Path.of("runs"), name + "-" + STAMP.format(Instant.now()));
    return new RunDirectory(root);
  }

  private static Path claimGiven(Path root) {
    try {
      if (Files.isDirectory(root)) {
        try (var entries = Files.list(root)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(root + ": the run directory must be new or empty, so that no earlier run is overwritten");
          }
        }
      }
      return Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run directory " + root, e);
    }
  }

  /**
   * Creates {@code parent/base}, or {@code base-2}, {@code base-3}, ... when that is taken: two runs
   * of one file started in the same second (the timestamp's resolution) each get their own
   * directory instead of the second one failing. Each name is claimed with one atomic
   * {@code createDirectory}, so concurrent processes never share a directory.
   */
  static Path claimNew(Path parent, String base) {
    try {
      Files.createDirectories(parent);
      for (int n = 1; ; n++) {
        Path candidate = parent.resolve(n == 1 ? base : base + "-" + n);
        try {
          return Files.createDirectory(candidate);
        } catch (FileAlreadyExistsException taken) {
          // another run holds this name: try the next suffix
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run directory " + parent.resolve(base), e);
    }
  }

  /** An existing run directory, to resume an interrupted run in place. */
  public static RunDirectory reopen(Path dir) {
    if (!Files.isDirectory(dir.resolve("checkpoints").resolve("latest"))) {
      throw new IllegalArgumentException(dir + ": no checkpoint to resume from (checkpoints/latest is missing)");
    }
    return new RunDirectory(dir);
  }

  public Path root() {
    return root;
  }

  public Path resolve(String name) {
    return root.resolve(name);
  }

  public void writeJson(String name, Object value) {
    try {
      writeAtomically(name, JSON.writeValueAsString(value) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + resolve(name), e);
    }
  }

  public void writeText(String name, String text) {
    writeAtomically(name, text);
  }

  private void writeAtomically(String name, String content) {
    Path target = resolve(name);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Marks the run finished. */
  public void succeeded(double seconds) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", "succeeded");
    status.put("seconds", seconds);
    writeJson("status.json", status);
  }

  /** Records why the run failed, with the stack trace, beside whatever was written already. */
  public void failed(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", "failed");
    status.put("error", String.valueOf(error.getMessage()));
    status.put("exception", error.getClass().getName());
    status.put("stack_trace", trace.toString());
    writeJson("status.json", status);
  }

  /**
   * Runs {@code measure} with the log attached ({@code run.log}), then writes the metrics it
   * returns ({@code metrics.json}) and the status; on failure the status says why, what was
   * already written stays, and the exception propagates. A process stopped on the way (Ctrl-C,
   * {@code kill}) writes an {@code interrupted} status as it shuts down, so no run directory is
   * left without one; only a hard kill ({@code kill -9}) or a crash of the JVM can skip it. The
   * frame every kind of run shares.
   */
  public Map<String, Object> record(java.util.function.Supplier<Map<String, Object>> measure) {
    long start = System.nanoTime();
    Ending ending = new Ending();
    Thread onShutdown = new Thread(() -> ending.once(() -> interrupted((System.nanoTime() - start) / 1e9)),
        "aelab-run-interrupted");
    Runtime.getRuntime().addShutdownHook(onShutdown);
    try (RunLog log = RunLog.attach(resolve("run.log"))) {
      Map<String, Object> metrics = measure.get();
      writeJson("metrics.json", metrics);
      ending.once(() -> succeeded((System.nanoTime() - start) / 1e9));
      return metrics;
    } catch (RuntimeException | Error e) {
      ending.once(() -> failed(e));
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onShutdown);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: the status is written once, by whichever came first
      }
    }
  }

  /** Records that the process was stopped before the run ended. */
  private void interrupted(double seconds) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", "interrupted");
    status.put("error", "the process was stopped (a signal such as Ctrl-C or kill, or an exit) before the run ended; "
        + "the files written until then are kept"
        + (Files.isDirectory(resolve("checkpoints").resolve("latest")) ? ", and 'aelab run --resume " + root
        + "' continues from the latest checkpoint" : ""));
    status.put("seconds", seconds);
    writeJson("status.json", status);
  }

  /** The one status write of a run: the first of success, failure or shutdown wins. */
  private static final class Ending {
    private boolean written;

    synchronized void once(Runnable write) {
      if (!written) {
        written = true;
        write.run();
      }
    }
  }
}
