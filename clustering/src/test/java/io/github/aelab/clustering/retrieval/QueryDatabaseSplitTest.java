package io.github.aelab.clustering.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.data.Dataset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryDatabaseSplitTest {

  /** 100 rows whose single feature is the row index, so every row can be traced. */
  private static Dataset indexed() {
    float[] x = new float[100];
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      x[i] = i;
      labels[i] = i % 10;
    }
    return new Dataset("indexed", x, 100, 1, labels);
  }

  @Test
  void queriesAndDatabasePartitionTheRowsInTheirOriginalOrder() {
    QueryDatabaseSplit split = QueryDatabaseSplit.draw(indexed(), 10, 3);

    assertThat(split.queries().rows()).isEqualTo(10);
    assertThat(split.database().rows()).isEqualTo(90);
    Set<Float> seen = new HashSet<>();
    for (Dataset part : new Dataset[] {split.queries(), split.database()}) {
      float[] x = part.features();
      for (int i = 0; i < x.length; i++) {
        assertThat(seen.add(x[i])).as("row %s appears once", x[i]).isTrue();
        assertThat(part.labels()[i]).isEqualTo((int) x[i] % 10);
        if (i > 0) {
          assertThat(x[i]).isGreaterThan(x[i - 1]);
        }
      }
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void theDrawDependsOnlyOnTheSeed() {
    assertThat(QueryDatabaseSplit.draw(indexed(), 10, 3).queries().features())
        .containsExactly(QueryDatabaseSplit.draw(indexed(), 10, 3).queries().features())
        .isNotEqualTo(QueryDatabaseSplit.draw(indexed(), 10, 4).queries().features());
  }

  @Test
  void rejectsAQueryCountThatLeavesNoDatabase() {
    assertThatThrownBy(() -> QueryDatabaseSplit.draw(indexed(), 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queries must be in 1..99 for dataset 'indexed' of 100 rows, found 100");
  }
}
