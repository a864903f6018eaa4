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
  void aDetectorThatRefusesADatasetIsReportedAndTheOthersStillRun(@TempDir Path out) throws Exception {
    assumeTrue(Files.isRegularFile(ANOMALY_DATA.resolve("odds_arrhythmia.mat")), "ODDS arrhythmia is not available here");

    // Arrhythmia's 60 % training split has 271 rows of 274 columns: too few for the MCD's support.
    int exit = new CommandLine(new AnomalyBenchmark()).execute("--protocol", "unsupervised_holdout", "--datasets",
        "arrhythmia", "--detectors", "gaussian,mcd", "--seeds", "1", "--data", ANOMALY_DATA.toString(), "--out",
        out.toString());

    assertThat(exit).isZero();
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).containsPattern("\\| arrhythmia \\| \\d+\\.\\d ± 0\\.0 \\| failed \\|");
    assertThat(report).contains("- arrhythmia / mcd: IllegalArgumentException: the MCD needs more training rows than "
        + "columns");
    assertThat(Files.readAllLines(out.resolve("failures.csv"))).hasSize(2).element(1).asString()
        .startsWith("arrhythmia,mcd,0,\"IllegalArgumentException: the MCD needs more training rows");
    assertThat(Files.readAllLines(out.resolve("fits.csv"))).hasSize(2).element(1).asString()
        .startsWith("arrhythmia,gaussian,0,");
    assertThat(Files.readString(out.resolve("summary.json"))).contains("\"failed\" : true");
  }
}
