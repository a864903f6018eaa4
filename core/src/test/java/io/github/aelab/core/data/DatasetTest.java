package io.github.aelab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class DatasetTest {

  /** Three 2x2 "images": row r holds r, r + 0.1, r + 0.2, r + 0.3. */
  private final Dataset images = new Dataset("tiny",
      new float[] {0, 0.1f, 0.2f, 0.3f, 1, 1.1f, 1.2f, 1.3f, 2, 2.1f, 2.2f, 2.3f},
      3, 4, new int[] {7, 8, 7}, new int[] {2, 2, 1});

  @Test
  void readsValuesRowMajor() {
    assertThat(images.get(1, 2)).isEqualTo(1.2f);
    float[] row = new float[6];
    images.copyRow(2, row, 1);
    assertThat(row).containsExactly(0, 2, 2.1f, 2.2f, 2.3f, 0);
    assertThat(images.hasLabels()).isTrue();
    assertThat(images.label(1)).isEqualTo(8);
  }

  @Test
  void subsetCopiesRowsLabelsAndShapeInTheGivenOrder() {
    Dataset picked = images.subset(new int[] {2, 0, 2}, "-picked");

    assertThat(picked.name()).isEqualTo("tiny-picked");
    assertThat(picked.rows()).isEqualTo(3);
    assertThat(picked.features()).containsExactly(2, 2.1f, 2.2f, 2.3f, 0, 0.1f, 0.2f, 0.3f, 2, 2.1f, 2.2f, 2.3f);
    assertThat(picked.labels()).containsExactly(7, 7, 7);
    assertThat(picked.imageShape()).containsExactly(2, 2, 1);
    assertThat(picked.features()).isNotSameAs(images.features());
  }

  @Test
  void headTakesTheFirstRows() {
    Dataset head = images.head(2);

    assertThat(head.name()).isEqualTo("tiny-head2");
    assertThat(head.rows()).isEqualTo(2);
    assertThat(head.labels()).containsExactly(7, 8);
    assertThat(images.head(0).rows()).isZero();
  }

  @Test
  void withFeaturesKeepsLabelsAndShape() {
    float[] doubled = new float[12];
    Dataset replaced = images.withFeatures(doubled);

    assertThat(replaced.features()).isSameAs(doubled);
    assertThat(replaced.labels()).containsExactly(7, 8, 7);
    assertThat(replaced.imageShape()).containsExactly(2, 2, 1);
    assertThatThrownBy(() -> images.withFeatures(new float[11]))
        .hasMessageContaining("features must have rows * cols = 3 * 4 = 12 values, found 11");
  }

  @Test
  void countsLabels() {
    assertThat(images.labelCounts()).containsExactly(entry(7, 2), entry(8, 1));
  }

  @Test
  void comparesByContent() {
    Dataset copy = new Dataset("tiny", images.features().clone(), 3, 4, images.labels().clone(), new int[] {2, 2, 1});

    assertThat(copy).isEqualTo(images).hasSameHashCodeAs(images);
    assertThat(copy.toString()).isEqualTo("Dataset[name=tiny, rows=3, cols=4, labels=true, imageShape=[2, 2, 1]]");
  }

  @Test
  void rejectsInconsistentShapes() {
    assertThatThrownBy(() -> new Dataset("x", new float[0], 0, 0, null))
        .hasMessage("cols must be >= 1, found 0");
    assertThatThrownBy(() -> new Dataset("x", new float[4], 2, 2, new int[3]))
        .hasMessage("labels must have one entry per row (2), found 3");
    assertThatThrownBy(() -> new Dataset("x", new float[4], 1, 4, null, new int[] {2, 3, 1}))
        .hasMessage("imageShape [2, 3, 1] must multiply to cols = 4, found 6");
    assertThatThrownBy(() -> new Dataset(" ", new float[1], 1, 1, null))
        .hasMessage("name must not be blank");
  }

  @Test
  void rejectsOutOfRangeRows() {
    assertThatThrownBy(() -> images.subset(new int[] {0, 3}, "-bad"))
        .hasMessage("row index 3 at position 1 is outside 0..2 of dataset 'tiny'");
    assertThatThrownBy(() -> images.get(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new Dataset("plain", new float[1], 1, 1, null).labelCounts())
        .hasMessage("labelCounts() needs labels, but dataset 'plain' has none");
  }

  @Test
  void concatKeepsRowOrderLabelsAndSharedImageShape() {
    Dataset first = new Dataset("train", new float[] {1, 2, 3, 4}, 2, 2, new int[] {0, 1}, new int[] {1, 2, 1});
    Dataset second = new Dataset("test", new float[] {5, 6}, 1, 2, new int[] {7}, new int[] {1, 2, 1});
    Dataset all = Dataset.concat(first, second, "all");
    assertThat(all.features()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(all.labels()).containsExactly(0, 1, 7);
    assertThat(all.imageShape()).containsExactly(1, 2, 1);
    assertThat(all.name()).isEqualTo("all");
  }

  @Test
  void concatRejectsOtherWidthsAndLabelsOnOneSideOnly() {
    Dataset two = new Dataset("a", new float[] {1, 2}, 1, 2, null);
    assertThatThrownBy(() -> Dataset.concat(two, new Dataset("b", new float[] {1}, 1, 1, null), "x"))
        .hasMessageContaining("columns");
    assertThatThrownBy(() -> Dataset.concat(two, new Dataset("c", new float[] {1, 2}, 1, 2, new int[] {0}), "x"))
        .hasMessageContaining("only one of them has labels");
  }

  @Test
  void columnMeansAverageEachColumn() {
    Dataset data = new Dataset("m", new float[] {1, 10, 3, 20, 5, 60}, 3, 2, null);
    assertThat(data.columnMeans()).containsExactly(3.0, 30.0);
  }
}
