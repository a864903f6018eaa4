package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.core.data.NpyArray;
import io.github.aelab.core.data.NpzWriter;
import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.data.NpzSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's resolved.yaml sits in the run's folder, not beside the experiment file, so the relative
 * file paths the experiment gave must be written as the files they named there.
 */
class RunnableYamlTest {
  final ExperimentLoader loader = new ExperimentLoader(BuiltInComponents.registry());
  final SpecWriter writer = new SpecWriter(BuiltInComponents.registry());
  @TempDir
  Path dir;

  @Test
  void relativeFilePathsAreWrittenAgainstTheExperimentsFolderSoTheResolvedFileLoadsFromTheRun() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("experiments"));
    Files.createDirectories(dir.resolve("runs/one"));
    float[] rows = new float[40 * 3];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) Math.sin(i);
    }
    NpzWriter.write(dir.resolve("data/rows.npz"), Map.of("X", new NpyArray("<f4", new int[] {40, 3}, rows, null)));
    Path experiment = dir.resolve("experiments/e.yaml");
    Files.writeString(experiment, """
        name: relative
        data:
          source: {type: npz, path: ../data/rows.npz, y: null}
        model:
          encoder: [{type: dense, units: 4, activation: relu}]
          code: {type: dense, units: 2}
        training: {epochs: 1, batch_size: 8}
        """);
    ExperimentLoader.Loaded original = loader.load(experiment, List.of());

    String resolved = writer.toRunnableYaml(original.experiment(), original.baseDir());
    Path inRun = dir.resolve("runs/one/resolved.yaml");
    Files.writeString(inRun, resolved);
    ExperimentLoader.Loaded again = loader.load(inRun, List.of());

    assertThat(resolved).contains("path: " + dir.resolve("data/rows.npz").toAbsolutePath());
    assertThat(((NpzSource) again.experiment().data().source()).path()).isAbsolute();
    assertThat(again.data().features()).containsExactly(original.data().features());
    // Written as the file gave them without a folder to resolve against.
    assertThat(writer.toRunnableYaml(original.experiment())).contains("path: ../data/rows.npz");
  }
}
