package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
