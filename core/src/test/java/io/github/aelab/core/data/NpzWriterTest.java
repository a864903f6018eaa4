package io.github.aelab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzWriterTest {

  @TempDir
  Path dir;

  @Test
  void arraysComeBackBitForBitWithTheirShapesAndOrder() {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("encoder/dense_0/kernel", floats(new int[] {3, 2}, 1.5f, -2, 0, Float.MIN_VALUE, 1e30f, -0f));
    arrays.put("encoder/dense_0/bias", floats(new int[] {2}, 0.25f, -7));
    arrays.put("scalar", floats(new int[] {}, 42));
    // Larger than one write chunk, so the chunking is exercised.
    float[] big = new float[20_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (float) Math.sin(i);
    }
    arrays.put("big", floats(new int[] {100, 200}, big));
    Path file = dir.resolve("weights.npz");

    NpzWriter.write(file, arrays);

    assertThat(NpzLoader.keys(file)).containsExactly("encoder/dense_0/kernel", "encoder/dense_0/bias", "scalar", "big");
    for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
      NpyArray back = NpzLoader.array(file, e.getKey());
      assertThat(back.dtype()).isEqualTo("<f4");
      assertThat(back.shape()).containsExactly(e.getValue().shape());
      assertThat(back.floats()).containsExactly(e.getValue().floats());
    }
    assertThat(NpzLoader.arrays(file)).containsExactlyEntriesOf(arrays);
    assertThat(dir.resolve("weights.npz.tmp")).doesNotExist();
  }

  @Test
  void theSameArraysGiveTheSameBytes() throws Exception {
    Map<String, NpyArray> arrays = Map.of("w", floats(new int[] {2}, 1, 2));
    NpzWriter.write(dir.resolve("a.npz"), arrays);
    Thread.sleep(2100); // past the zip format's two-second time resolution
    NpzWriter.write(dir.resolve("b.npz"), arrays);

    assertThat(Files.readAllBytes(dir.resolve("b.npz"))).isEqualTo(Files.readAllBytes(dir.resolve("a.npz")));
  }

  @Test
  void headersAreNumpysFormatOneAlignedToSixtyFourBytes() {
    for (int[] shape : new int[][] {{}, {7}, {784, 500}, {2, 3, 4}}) {
      byte[] header = NpzWriter.header(shape);
      String text = new String(header, StandardCharsets.US_ASCII);

      assertThat((10 + header.length) % 64).isZero();
      assertThat(text).endsWith("\n").startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (");
      assertThat(NpyHeader.parse(text).shape()).containsExactly(shape);
    }
    assertThat(new String(NpzWriter.header(new int[] {7}), StandardCharsets.US_ASCII)).contains("'shape': (7,)");
  }

  @Test
  void integerArraysAreRefusedAndAnEarlierArchiveSurvives() throws Exception {
    Path file = dir.resolve("weights.npz");
    NpzWriter.write(file, Map.of("a", floats(new int[] {1}, 3)));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> NpzWriter.write(file, Map.of("labels", new NpyArray("<i8", new int[] {2}, null,
        new long[] {1, 2})))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'labels' holds integers");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(dir.resolve("weights.npz.tmp")).doesNotExist();
  }

  private static NpyArray floats(int[] shape, float... values) {
    return new NpyArray("<f4", shape, values, null);
  }
}
