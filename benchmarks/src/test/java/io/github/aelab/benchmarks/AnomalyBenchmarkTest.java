package io.github.aelab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnomalyBenchmarkTest {
  private static final Path ANOMALY_DATA = Path.of("../../shared/data/anomaly");

  @Test
  void aFitThatFailsIsReportedAndTheOthersStillRun(@TempDir Path out) throws Exception {
    assumeTrue(Files.isRegularFile(ANOMALY_DATA.resolve("odds_lympho.mat")), "ODDS lympho is not available here");

    // Lympho has 6 anomalies in 148 rows: the random 60/40 split of seed 4 leaves none among the
    // 59 test rows, so ROC-AUC is undefined there; wbc fits on every seed.
    int exit = new CommandLine(new AnomalyBenchmark()).execute("--protocol", "unsupervised_holdout", "--datasets",
        "lympho,wbc", "--detectors", "gaussian", "--seeds", "5", "--data", ANOMALY_DATA.toString(), "--out",
        out.toString());

    assertThat(exit).isZero();
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).contains("| lympho | failed |");
    assertThat(report).containsPattern("\\| wbc \\| \\d+\\.\\d ± \\d+\\.\\d \\|");
    assertThat(report).contains("(1 of 2 datasets)");
    assertThat(report).contains("- lympho / gaussian: IllegalArgumentException: ROC-AUC needs at least one anomaly "
        + "and one normal row, found 0 anomalies among 59 rows (1 of 5 seeds)");
    assertThat(Files.readAllLines(out.resolve("failures.csv"))).hasSize(2).element(1).asString()
        .startsWith("lympho,gaussian,4,\"IllegalArgumentException: ROC-AUC needs at least one anomaly");
    assertThat(Files.readAllLines(out.resolve("fits.csv"))).hasSize(1 + 4 + 5);
    assertThat(Files.readString(out.resolve("summary.json"))).contains("\"failed\" : true");
  }
}
