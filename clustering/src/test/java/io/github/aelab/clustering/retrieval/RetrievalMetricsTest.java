package io.github.aelab.clustering.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

  /**
   * Six 4-bit database codes. From query 0000 (label 0) the distances are 2, 1, 0, 3, 1, 4, so
   * the ranking is row 2 (d 0), rows 1 and 4 (d 1, index order), row 0 (d 2), row 3 (d 3), row 5
   * (d 4). From query 1111 (label 1) they are 2, 3, 4, 1, 3, 0: rows 5, 3, 0, 1, 4, 2.
   */
  private static final BinaryCodes DATABASE = codes(6, "0011", "0001", "0000", "0111", "1000", "1111");
  private static final int[] DATABASE_LABELS = {0, 1, 1, 0, 0, 1};
  private static final BinaryCodes QUERIES = codes(2, "0000", "1111");
  private static final int[] QUERY_LABELS = {0, 1};

  private final RetrievalMetrics metrics = new RetrievalMetrics(QUERIES, QUERY_LABELS, DATABASE, DATABASE_LABELS);

  @Test
  void rankingSortsByDistanceThenDatabaseIndex() {
    HammingRanking ranking = metrics.ranking(0);

    assertThat(ranking.order()).containsExactly(2, 1, 4, 0, 3, 5);
    assertThat(ranking.top(3)).containsExactly(2, 1, 4);
    assertThat(ranking.rowsWithin(1)).isEqualTo(3);
    assertThat(ranking.firstRankAt(2)).isEqualTo(3);
    assertThat(metrics.ranking(1).order()).containsExactly(5, 3, 0, 1, 4, 2);
  }

  @Test
  void averagePrecisionOfHandWorkedRankings() {
    // Query 0: ranking 2, 1, 4, 0, 3, 5 has relevance (label 0) N N Y Y Y N. Precision at the
    // relevant ranks 3, 4, 5 is 1/3, 2/4, 3/5: AP = (1/3 + 1/2 + 3/5) / 3 = 43/90.
    assertThat(metrics.averagePrecision(0)).isCloseTo(43.0 / 90, within(1e-12));
    // Query 1: ranking 5, 3, 0, 1, 4, 2 has relevance (label 1) Y N N Y N Y. Precision at ranks
    // 1, 4, 6 is 1/1, 2/4, 3/6: AP = (1 + 1/2 + 1/2) / 3 = 2/3.
    assertThat(metrics.averagePrecision(1)).isCloseTo(2.0 / 3, within(1e-12));
    // mAP = (43/90 + 60/90) / 2 = 103/180.
    assertThat(metrics.meanAveragePrecision()).isCloseTo(103.0 / 180, within(1e-12));
  }

  @Test
  void precisionAtKOfHandWorkedRankings() {
    // Query 0 (N N Y Y Y N): P@1 = 0, P@2 = 0 (the tie at distance 1 puts row 1 before row 4),
    // P@3 = 1/3, P@4 = 2/4.
    assertThat(metrics.precisionAt(0, 1)).isEqualTo(0.0);
    assertThat(metrics.precisionAt(0, 2)).isEqualTo(0.0);
    assertThat(metrics.precisionAt(0, 3)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(metrics.precisionAt(0, 4)).isCloseTo(0.5, within(1e-12));
    // Query 1 (Y N N Y N Y): P@1 = 1, so the mean P@1 over both queries is 1/2.
    assertThat(metrics.meanPrecisionAt(1)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void precisionRecallCurveOfHandWorkedRankings() {
    // Query 0, retrieving everything within radius r (3 relevant rows in all):
    //   r:          0    1    2    3    4
    //   retrieved:  1    3    4    5    6
    //   relevant:   0    1    2    3    3
    //   precision:  0   1/3  1/2  3/5  1/2
    //   recall:     0   1/3  2/3   1    1
    // Query 1 (distances 0: row 5 Y; 1: row 3 N; 2: row 0 N; 3: rows 1 Y, 4 N; 4: row 2 Y):
    //   retrieved:  1    2    3    5    6
    //   relevant:   1    1    1    2    3
    //   precision:  1   1/2  1/3  2/5  1/2
    //   recall:    1/3  1/3  1/3  2/3   1
    double[] precision = {(0 + 1) / 2.0, (1 / 3.0 + 1 / 2.0) / 2, (1 / 2.0 + 1 / 3.0) / 2, (3 / 5.0 + 2 / 5.0) / 2, 0.5};
    double[] recall = {(0 + 1 / 3.0) / 2, 1 / 3.0, (2 / 3.0 + 1 / 3.0) / 2, (1 + 2 / 3.0) / 2, 1};

    List<PrecisionRecallPoint> curve = metrics.precisionRecallCurve();

    assertThat(curve).hasSize(5);
    for (int r = 0; r <= 4; r++) {
      assertThat(curve.get(r).radius()).isEqualTo(r);
      assertThat(curve.get(r).precision()).as("precision at radius %d", r).isCloseTo(precision[r], within(1e-12));
      assertThat(curve.get(r).recall()).as("recall at radius %d", r).isCloseTo(recall[r], within(1e-12));
    }
  }

  @Test
  void countingSortAndStreamingMetricsAgreeWithASortedRanking() {
    // 10-bit codes for 500 rows give many ties, which is where the tie break and the streaming
    // AP are easiest to get wrong.
    Random rng = new Random(4);
    BinaryCodes database = randomCodes(500, 10, rng);
    BinaryCodes queries = randomCodes(20, 10, rng);
    int[] databaseLabels = rng.ints(500, 0, 4).toArray();
    int[] queryLabels = rng.ints(20, 0, 4).toArray();
    RetrievalMetrics random = new RetrievalMetrics(queries, queryLabels, database, databaseLabels);

    for (int q = 0; q < 20; q++) {
      int query = q;
      Integer[] sorted = IntStream.range(0, 500).boxed().toArray(Integer[]::new);
      Arrays.sort(sorted, Comparator.comparingInt((Integer row) -> queries.distance(query, database, row))
          .thenComparingInt(row -> row));
      int[] expectedOrder = Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();

      assertThat(random.ranking(q).order()).as("query %d", q).containsExactly(expectedOrder);
      assertThat(random.averagePrecision(q)).as("query %d", q)
          .isCloseTo(averagePrecisionOf(expectedOrder, databaseLabels, queryLabels[q]), within(1e-12));
      for (int k : new int[] {1, 7, 50, 500}) {
        assertThat(random.precisionAt(q, k)).as("query %d, k %d", q, k)
            .isCloseTo(precisionOf(expectedOrder, k, databaseLabels, queryLabels[q]), within(1e-12));
      }
    }
  }

  @Test
  void rejectsQueriesWithoutRelevantRowsAndBadK() {
    RetrievalMetrics orphan = new RetrievalMetrics(QUERIES, new int[] {0, 9}, DATABASE, DATABASE_LABELS);

    assertThatThrownBy(orphan::meanAveragePrecision)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query 1 has label 9, which no database row has");
    assertThatThrownBy(() -> metrics.precisionAt(0, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be in 1..6");
    assertThatThrownBy(() -> new RetrievalMetrics(QUERIES, new int[] {0}, DATABASE, DATABASE_LABELS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one label per query (2), found 1");
  }

  /** Codes written as bit strings, bit 0 first. */
  static BinaryCodes codes(int rows, String... bitStrings) {
    int bits = bitStrings[0].length();
    float[] values = new float[rows * bits];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < bits; j++) {
        values[r * bits + j] = bitStrings[r].charAt(j) == '1' ? 1 : 0;
      }
    }
    return BinaryCodes.threshold(values, rows, bits, 0.5f);
  }

  private static BinaryCodes randomCodes(int rows, int bits, Random rng) {
    float[] values = new float[rows * bits];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextBoolean() ? 1 : 0;
    }
    return BinaryCodes.threshold(values, rows, bits, 0.5f);
  }

  /** The textbook AP: walk the ranking, add the precision at each relevant rank. */
  private static double averagePrecisionOf(int[] order, int[] labels, int label) {
    double sum = 0;
    int hits = 0;
    for (int rank = 1; rank <= order.length; rank++) {
      if (labels[order[rank - 1]] == label) {
        hits++;
        sum += (double) hits / rank;
      }
    }
    return sum / hits;
  }

  private static double precisionOf(int[] order, int k, int[] labels, int label) {
    int hits = 0;
    for (int rank = 0; rank < k; rank++) {
      hits += labels[order[rank]] == label ? 1 : 0;
    }
    return (double) hits / k;
  }
}
