package io.github.aelab.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.aelab.experiments.ExperimentLoader;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.bind.SpecBinder;
import io.github.aelab.experiments.yaml.YamlNode;
import io.github.aelab.experiments.yaml.YamlReader;
import io.github.aelab.runner.ExperimentRunner;
import io.github.aelab.runner.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a suite: each entry's experiment into {@code <out>/<entry>/}, then one comparison table
 * (metric, ours, published with source, baseline from the same run, delta, verdict) printed and
 * written as {@code report.md}, {@code results.csv} and {@code results.json}.
 */
final class SuiteRunner {
  record Row(String entry, String metric, double ours, Double published, String source, String baseline,
      Double baselineValue, String violation) {}

  private final ExperimentLoader loader;
  private final ExperimentRunner runner;
  private final ComponentRegistry registry;

  SuiteRunner(ExperimentLoader loader, ExperimentRunner runner, ComponentRegistry registry) {
    this.loader = loader;
    this.runner = runner;
    this.registry = registry;
  }

  Suite read(Path file) {
    Problems problems = new Problems();
    YamlNode tree = YamlReader.read(file, problems);
    problems.throwIfAny(file.toString());
    Suite suite = new SpecBinder(registry).bind(tree, Suite.class, "", problems);
    problems.throwIfAny(file.toString());
    return suite;
  }

  List<Row> run(Path suiteFile, Suite suite, String filter, List<String> overrides, Path out) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Suite.Entry e : suite.entries()) {
      if (filter != null && !e.name().contains(filter)) {
        continue;
      }
      Path experiment = suiteFile.toAbsolutePath().getParent().resolve(e.experiment()).normalize();
      System.out.println("== " + e.name() + " (" + experiment + ")");
      List<String> sets = new ArrayList<>(e.set());
      sets.addAll(overrides);
      Map<String, Object> metrics = runner.run(loader.load(experiment, sets), RunDirectory.create(out.resolve(e.name()), e.name()));
      for (Suite.Expectation x : e.expect()) {
        double ours = number(metrics.get(x.metric()));
        Double base = x.baseline() == null ? null : number(metrics.get(x.baseline()));
        rows.add(new Row(e.name(), x.metric(), ours, x.published(), x.source(), x.baseline(), base, x.violation(ours)));
      }
    }
    write(suite, rows, out);
    return rows;
  }

  private static double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder("| entry | metric | ours | published | baseline (same run) | delta vs published | verdict |\n"
        + "| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %.4g | %s | %s | %s | %s |%n", r.entry(), r.metric(), r.ours(),
          r.published() == null ? "" : String.format(Locale.ROOT, "%.4g (%s)", r.published(), r.source()),
          r.baseline() == null ? "" : String.format(Locale.ROOT, "%s = %.4g", r.baseline(), r.baselineValue()),
          r.published() == null ? "" : String.format(Locale.ROOT, "%+.4g", r.ours() - r.published()),
          r.violation() == null ? "ok" : "FAIL: " + r.violation()));
    }
    return b.toString();
  }

  private static void write(Suite suite, List<Row> rows, Path out) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.md"), "# benchmark suite " + suite.name() + "\n\n" + suite.description() + "\n\n"
        + table(rows));
    StringBuilder csv = new StringBuilder("entry,metric,ours,published,source,baseline,baseline_value,verdict\n");
    for (Row r : rows) {
      csv.append(String.join(",", r.entry(), r.metric(), String.valueOf(r.ours()),
          r.published() == null ? "" : r.published().toString(), quote(r.source()), r.baseline() == null ? "" : r.baseline(),
          r.baselineValue() == null ? "" : r.baselineValue().toString(), r.violation() == null ? "ok" : quote("FAIL: " + r.violation())))
          .append('\n');
    }
    Files.writeString(out.resolve("results.csv"), csv);
    List<Map<String, Object>> json = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("entry", r.entry());
      m.put("metric", r.metric());
      m.put("ours", r.ours());
      m.put("published", r.published());
      m.put("source", r.source());
      m.put("baseline", r.baseline());
      m.put("baseline_value", r.baselineValue());
      m.put("ok", r.violation() == null);
      m.put("violation", r.violation());
      json.add(m);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), json);
  }

  private static String quote(String s) {
    return s == null || s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
