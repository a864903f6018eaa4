package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SweepCommandTest {
  static final String SWEEP = "../experiments/examples/quickstart-sweep.yaml";

  /** Two shards run separately cover the 2x2 grid once, and the summary aggregates all four. */
  @Test
  void twoShardsCoverTheGridOnce(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("sweep");
    assertThat(AelabCommand.commandLine().execute("sweep", SWEEP, "--shard", "0/2", "--set", "training.epochs=2",
        "--out", dir.toString())).isZero();
    assertThat(Files.readAllLines(dir.resolve("summary.csv"))).hasSize(1 + 2);
    assertThat(AelabCommand.commandLine().execute("sweep", SWEEP, "--shard", "1/2", "--set", "training.epochs=2",
        "--out", dir.toString())).isZero();
    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(summary.get(0)).startsWith("trial,status,model.code.units,training.optimizer.learning_rate,test.sse_per_image");
    assertThat(summary.subList(1, summary.size())).extracting(l -> l.split(",")[0]).containsExactly("0", "1", "2", "3");
    assertThat(summary.subList(1, summary.size())).allSatisfy(l -> assertThat(l).contains(",succeeded,"));
    assertThat(summary.subList(1, summary.size())).extracting(l -> l.split(",")[2] + "@" + l.split(",")[3])
        .containsExactly("1@0.001", "1@0.003", "2@0.001", "2@0.003");
    assertThat(Files.readString(dir.resolve("trial-3/resolved.yaml"))).contains("units: 2").contains("learning_rate: 0.003");
  }

  @Test
  void aBadSweepPathStopsEveryTrialBeforeAnyRuns(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("bad-sweep.yaml");
    Files.writeString(file, Files.readString(Path.of(SWEEP)).replace("extends: quickstart.yaml",
        "extends: " + Path.of(SWEEP).toAbsolutePath().getParent().resolve("quickstart.yaml"))
        .replace("training.optimizer.learning_rate", "training.optimizer.learnin_rate"));
    CommandLine cli = AelabCommand.commandLine();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("sweep", file.toString(), "--out", tmp.resolve("out").toString())).isEqualTo(AelabCommand.INVALID);
    assertThat(err.toString()).contains("training.optimizer.learnin_rate").contains("Did you mean 'learning_rate'?");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
