package io.github.aelab.benchmarks;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark suite: experiment files paired with the metrics they must reach (Ludwig's
 * regression benchmarks: expected value and tolerance), read from {@code benchmarks/suites/<name>/suite.yaml}.
 */
@Doc("a benchmark suite")
public record Suite(
    @Doc("suite name") String name,
    @Doc("what the suite is for") @DefaultValue("''") String description,
    @Doc("the experiments and their expectations") List<Entry> entries) {
  public Suite {
    Objects.requireNonNull(name, "name");
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a suite needs at least one entry");
    }
  }

  /** One experiment file (relative to the suite file), its overrides, and what its metrics must be. */
  @Doc("an experiment of the suite")
  public record Entry(
      @Doc("short name in the report") String name,
      @Doc("experiment file, relative to the suite file") String experiment,
      @Doc("--set overrides") @DefaultValue("[]") List<String> set,
      @Doc("the metrics and their bounds") List<Expectation> expect) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(experiment, "experiment");
      set = List.copyOf(set);
      expect = List.copyOf(expect);
    }
  }

  /**
   * A metric of {@code metrics.json} with its expected value and tolerance (and/or hard bounds),
   * the published value it reproduces and its source, and the baseline metric measured in the
   * same run that it is compared with.
   */
  @Doc("an expected metric")
  public record Expectation(
      @Doc("metric name in metrics.json") String metric,
      @Doc("expected value") @DefaultValue(DefaultValue.NULL) Double expected,
      @Doc("allowed relative deviation from the expected value, in percent") @DefaultValue(DefaultValue.NULL) Double tolerancePercent,
      @Doc("hard lower bound") @DefaultValue(DefaultValue.NULL) Double min,
      @Doc("hard upper bound") @DefaultValue(DefaultValue.NULL) Double max,
      @Doc("the literature's value") @DefaultValue(DefaultValue.NULL) Double published,
      @Doc("where the published value comes from") @DefaultValue("''") String source,
      @Doc("metric of the baseline measured in the same run") @DefaultValue(DefaultValue.NULL) String baseline) {
    public Expectation {
      Objects.requireNonNull(metric, "metric");
      if ((expected == null) != (tolerancePercent == null)) {
        throw new IllegalArgumentException("expected and tolerance_percent come together (metric " + metric + ")");
      }
      if (expected == null && min == null && max == null) {
        throw new IllegalArgumentException("metric " + metric + " needs expected/tolerance_percent, min or max");
      }
    }

    /** Null when {@code value} meets the expectation, else why not. */
    public String violation(double value) {
      if (Double.isNaN(value)) {
        return "not measured";
      }
      if (min != null && value < min) {
        return "below the minimum " + min;
      }
      if (max != null && value > max) {
        return "above the maximum " + max;
      }
      if (expected != null && Math.abs(value - expected) > Math.abs(expected) * tolerancePercent / 100) {
        return "outside " + expected + " +- " + tolerancePercent + " %";
      }
      return null;
    }
  }
}
