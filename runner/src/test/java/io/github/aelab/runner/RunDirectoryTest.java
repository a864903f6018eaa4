package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir Path tmp;

  @Test
  void runsStartedInTheSameSecondGetTheirOwnDirectories() {
    Path first = RunDirectory.claimNew(tmp.resolve("runs"), "dec-mnist-20261130-174851");
    Path second = RunDirectory.claimNew(tmp.resolve("runs"), "dec-mnist-20261130-174851");
    Path third = RunDirectory.claimNew(tmp.resolve("runs"), "dec-mnist-20261130-174851");

    assertThat(first.getFileName()).hasToString("dec-mnist-20261130-174851");
    assertThat(second.getFileName()).hasToString("dec-mnist-20261130-174851-2");
    assertThat(third.getFileName()).hasToString("dec-mnist-20261130-174851-3");
    assertThat(first).isDirectory();
    assertThat(second).isDirectory();
    assertThat(third).isDirectory();
  }

  @Test
  void anExplicitDirectoryMustBeEmptySoNoEarlierRunIsOverwritten() throws Exception {
    Path out = tmp.resolve("run");
    RunDirectory.create(out, "quickstart").writeText("metrics.json", "{}\n");

    assertThatThrownBy(() -> RunDirectory.create(out, "quickstart"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be new or empty");
    assertThat(Files.readString(out.resolve("metrics.json"))).isEqualTo("{}\n");
  }

  /** A run stopped by a signal (here SIGTERM, as {@code kill} sends) keeps its files and says it was stopped. */
  @Test
  void aRunStoppedByASignalKeepsItsFilesAndSaysSo() throws Exception {
    Path out = tmp.resolve("stopped");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoppedRunMain.class.getName(), out.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(out.resolve("history.csv")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(out.resolve("history.csv")).as("written before the signal; child log: " + tmp.resolve("child.log"))
        .exists();

    child.destroy(); // SIGTERM
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    JsonNode status = JsonMapper.builder().build().readTree(out.resolve("status.json").toFile());
    assertThat(status.get("status").asText()).isEqualTo("interrupted");
    assertThat(status.get("error").asText()).contains("stopped");
    assertThat(Files.readString(out.resolve("history.csv"))).isEqualTo("epoch,loss\n1,0.5\n");
  }
}
