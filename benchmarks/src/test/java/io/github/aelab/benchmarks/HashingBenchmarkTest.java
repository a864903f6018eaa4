package io.github.aelab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.clustering.retrieval.PcaItq;
import io.github.aelab.clustering.retrieval.RandomProjectionLsh;
import io.github.aelab.clustering.retrieval.SemanticHashing;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HashingBenchmarkTest {

  private static HashingBenchmark parsed(String... args) {
    HashingBenchmark bench = new HashingBenchmark();
    new CommandLine(bench).parseArgs(args);
    return bench;
  }

  @Test
  void methodsAreBuiltByNameAtTheAskedCodeLength() {
    HashingBenchmark bench = parsed("--hidden", "64,32", "--noise-std", "3");

    assertThat(bench.method("lsh", 16)).isEqualTo(new RandomProjectionLsh(16));
    assertThat(bench.method("pca-itq", 32)).isEqualTo(new PcaItq(32));
    SemanticHashing sh = (SemanticHashing) bench.method("semantic-hashing", 64);
    assertThat(sh.bits()).isEqualTo(64);
    assertThat(sh.noiseStd()).isEqualTo(3.0);
    assertThat(sh.autoencoder().encoder()).hasSize(2);
    assertThatThrownBy(() -> bench.method("itq", 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown method 'itq'; known: lsh, pca-itq, semantic-hashing");
  }

  @Test
  void defaultsAreTheStandardProtocol() {
    HashingBenchmark bench = parsed();

    assertThat(bench.bits).containsExactly(16, 32, 64);
    assertThat(bench.methods).containsExactly("lsh", "pca-itq", "semantic-hashing");
    assertThat(bench.queries).isEqualTo(1000);
  }
}
