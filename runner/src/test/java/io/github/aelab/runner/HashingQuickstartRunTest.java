package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hashing quickstart end to end: semantic hashing and its baselines under the query/database
 * protocol, the run's whole record, and the same numbers from the same seed.
 */
class HashingQuickstartRunTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EXAMPLE = "../experiments/examples/hashing-quickstart.yaml";

  @Test
  void semanticHashingRanksTheQueriesClusterFirstAndRecordsItsCodes(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    assertThat(AelabCommand.commandLine().execute("run", EXAMPLE, "--out", out.toString())).isZero();

    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("hasher").asText()).isEqualTo("semantic-hashing");
    assertThat(metrics.get("baselines")).extracting(JsonNode::asText).containsExactly("lsh", "pca_itq");
    assertThat(List.of(metrics.get("bits").asInt(), metrics.get("queries").asInt(), metrics.get("database").asInt()))
        .containsExactly(16, 300, 2700);
    double semantic = metrics.get("test.map").asDouble();
    double lsh = metrics.get("lsh.test.map").asDouble();
    // Measured when written (seed 3): semantic hashing 0.744, LSH 0.278, PCA-ITQ 0.808; 0.89 of the
    // code activations within 0.1 of 0 or 1. Ten clusters: a random ranking scores about 0.1.
    assertThat(semantic).isGreaterThan(0.6).isGreaterThan(lsh + 0.3);
    assertThat(metrics.get("pca_itq.test.map").asDouble()).isGreaterThan(lsh);
    assertThat(metrics.get("train.near_binary").asDouble()).isGreaterThan(0.85);
    assertThat(metrics.get("test.precision_at_100").asDouble()).isBetween(semantic, 1.0);

    List<String> queries = Files.readAllLines(out.resolve("query_codes.csv"));
    assertThat(queries.get(0)).isEqualTo("row,label,code");
    assertThat(queries).hasSize(301);
    assertThat(queries.get(1).split(",")[2]).matches("[01]{16}");
    assertThat(Files.readAllLines(out.resolve("database_codes.csv"))).hasSize(2701);
    List<String> curves = Files.readAllLines(out.resolve("precision_recall.csv"));
    assertThat(curves).hasSize(1 + 3 * 17); // radius 0..16 for each of the three methods
    assertThat(curves.get(curves.size() - 1)).startsWith("pca_itq,16,").endsWith(",1.000000");
    assertThat(Files.size(out.resolve("plots/precision_recall.png"))).isGreaterThan(1000);
    for (String file : List.of("spec.yaml", "resolved.yaml", "spec.json", "provenance.json", "run.log", "scaler.json",
        "history.csv", "model/saved_model.pb")) {
      assertThat(out.resolve(file)).as(file).exists();
    }
    assertThat(JSON.readTree(out.resolve("status.json").toFile()).get("status").asText()).isEqualTo("succeeded");
    assertThat(JSON.readTree(out.resolve("spec.json").toFile()).at("/hasher/settings/noise_std").asDouble())
        .isEqualTo(4.0);

    // The saved hasher codes the queries again, outside the run: aelab score gives query_codes.csv's bits.
    Path scored = tmp.resolve("scored.csv");
    assertThat(AelabCommand.commandLine().execute("score", out.toString(), "--out", scored.toString())).isZero();
    List<String> rescored = Files.readAllLines(scored);
    assertThat(rescored.get(0)).isEqualTo("row,code");
    assertThat(rescored.stream().skip(1).map(l -> l.split(",")[1]).toList())
        .isEqualTo(queries.stream().skip(1).map(l -> l.split(",")[2]).toList());

    // resolved.yaml runs again (no data.split) and the seed fixes every number.
    Path again = tmp.resolve("again");
    assertThat(AelabCommand.commandLine().execute("run", out.resolve("resolved.yaml").toString(), "--out",
        again.toString())).isZero();
    JsonNode second = JSON.readTree(again.resolve("metrics.json").toFile());
    for (String key : List.of("test.map", "lsh.test.map", "pca_itq.test.map", "train.near_binary")) {
      assertThat(second.get(key).asDouble()).as(key).isEqualTo(metrics.get(key).asDouble());
    }
    assertThat(Files.readString(again.resolve("query_codes.csv"))).isEqualTo(Files.readString(
        out.resolve("query_codes.csv")));
  }

  /** The autoencoder + ITQ hasher in the same run: a linear code quantized by ITQ, saved and scored alike. */
  @Test
  void autoencoderItqHashesWithTheSameRecordAndScoresAgain(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    assertThat(AelabCommand.commandLine().execute("run", EXAMPLE, "--out", out.toString(),
        "--set", "hasher={type: autoencoder_itq}", "--set", "model.code={type: dense, units: 16}")).isZero();

    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("hasher").asText()).isEqualTo("autoencoder-itq");
    assertThat(metrics.has("train.near_binary")).as("only a sigmoid code is judged by how binary it is").isFalse();
    assertThat(metrics.get("test.map").asDouble()).isGreaterThan(metrics.get("lsh.test.map").asDouble() + 0.3);

    Path scored = tmp.resolve("scored.csv");
    assertThat(AelabCommand.commandLine().execute("score", out.toString(), "--out", scored.toString())).isZero();
    List<String> queries = Files.readAllLines(out.resolve("query_codes.csv"));
    assertThat(Files.readAllLines(scored).stream().skip(1).map(l -> l.split(",")[1]).toList())
        .isEqualTo(queries.stream().skip(1).map(l -> l.split(",")[2]).toList());
  }
}
