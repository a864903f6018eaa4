package io.github.aelab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SuiteRunnerTest {

  @Test
  void aSuiteReportsEveryExpectationAndFailsOnADrift(@TempDir Path tmp) throws Exception {
    Path quickstart = Path.of("../experiments/examples/quickstart.yaml").toAbsolutePath();
    Path suite = tmp.resolve("suite.yaml");
    Files.writeString(suite, """
        name: tiny
        entries:
          - name: quick
            experiment: %s
            set: [training.epochs=3]
            expect:
              - {metric: test.sse_per_image, max: 1000, baseline: pca.test.sse_per_image}
              - {metric: test.sse_per_image, expected: 1.0e-9, tolerance_percent: 1, published: 1.0e-9, source: nobody}
        """.formatted(quickstart));
    int code = new CommandLine(new BenchCommand()).execute(suite.toString(), "--out", tmp.resolve("out").toString());
    assertThat(code).isEqualTo(1);
    String report = Files.readString(tmp.resolve("out/report.md"));
    assertThat(report).contains("| quick | test.sse_per_image |").contains("| ok |").contains("FAIL: outside 1.0E-9 +- 1.0 %")
        .contains("pca.test.sse_per_image = ");
    assertThat(Files.readAllLines(tmp.resolve("out/results.csv"))).hasSize(3);
  }

  @Test
  void theShippedSuitesParseAndNameExistingExperiments() {
    var injector = io.github.aelab.runner.wiring.Wiring.injector();
    SuiteRunner runner = new SuiteRunner(injector.getInstance(io.github.aelab.experiments.ExperimentLoader.class),
        injector.getInstance(io.github.aelab.runner.ExperimentRunner.class),
        injector.getInstance(io.github.aelab.experiments.bind.ComponentRegistry.class));
    for (String name : java.util.List.of("ci", "paper")) {
      Path file = Path.of("suites", name, "suite.yaml");
      Suite suite = runner.read(file);
      assertThat(suite.name()).isEqualTo(name);
      for (Suite.Entry e : suite.entries()) {
        assertThat(file.toAbsolutePath().getParent().resolve(e.experiment()).normalize()).as(e.name()).exists();
      }
    }
  }

  @Test
  void expectationsNeedABound() {
    assertThatThrownBy(() -> new Suite.Expectation("m", null, null, null, null, null, "", null))
        .hasMessageContaining("needs expected/tolerance_percent, min or max");
    assertThat(new Suite.Expectation("m", 10.0, 5.0, null, null, null, "", null).violation(10.4)).isNull();
    assertThat(new Suite.Expectation("m", 10.0, 5.0, null, null, null, "", null).violation(10.6)).contains("outside");
  }
}
