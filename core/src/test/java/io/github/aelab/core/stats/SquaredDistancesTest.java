package io.github.aelab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SquaredDistancesTest {

  @Test
  void matchesTheSumOfSquaredDifferencesAcrossBlocks() {
    Random random = new Random(3);
    double[][] reference = randomRows(random, 7, 5);
    double[][] queries = randomRows(random, 10, 5);
    List<Integer> visited = new ArrayList<>();
    // 3 rows per run: blocks of 3, 3, 3 and 1.
    SquaredDistances.forEach(reference, queries, (q, squared) -> {
      visited.add(q);
      assertThat(squared).hasSize(reference.length);
      for (int r = 0; r < reference.length; r++) {
        double expected = 0;
        for (int c = 0; c < 5; c++) {
          double difference = queries[q][c] - reference[r][c];
          expected += difference * difference;
        }
        assertThat(squared[r]).isCloseTo(expected, within(1e-12));
      }
    }, 3L * reference.length);
    assertThat(visited).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aRowAtItselfIsAtDistanceZeroNeverBelow() {
    // Large norms make |q|^2 + |r|^2 - 2 q.r round away from 0 for identical rows.
    double[][] rows = {{1e6 + 0.1, -3e5 + 0.7, 12345.678}, {2, 3, 4}};
    double[] atSelf = new double[2];
    SquaredDistances.forEach(rows, rows, (q, squared) -> atSelf[q] = squared[q]);
    assertThat(atSelf).containsOnly(0.0);
  }

  @Test
  void handWorkedDistances() {
    double[][] reference = {{0, 0}, {3, 4}};
    double[][] queries = {{0, 4}};
    SquaredDistances.forEach(reference, queries, (q, squared) -> assertThat(squared).containsExactly(16, 9));
  }

  @Test
  void logSumExpOfScaledDistancesMatchesTheJavaSumAcrossBlocks() {
    Random random = new Random(5);
    double[][] reference = randomRows(random, 9, 4);
    double[][] queries = randomRows(random, 11, 4);
    // A wide kernel, and one so narrow that every exp(-scale d^2) underflows to 0 in doubles:
    // factoring out the largest term must still give the exact log.
    for (double scale : new double[] {0.05, 5000}) {
      double[] inGraph = SquaredDistances.logSumExp(reference, queries, scale, 4L * reference.length);
      double[] exponents = new double[reference.length];
      SquaredDistances.forEach(reference, queries, (q, squared) -> {
        for (int r = 0; r < squared.length; r++) {
          exponents[r] = -scale * squared[r];
        }
        assertThat(inGraph[q]).as("scale %s, query %d", scale, q).isCloseTo(LogSumExp.of(exponents), within(1e-9));
      });
    }
    // Hand-worked: reference {0} and {2}, query {1}: log(2 e^{-1}) at scale 1.
    assertThat(SquaredDistances.logSumExp(new double[][] {{0}, {2}}, new double[][] {{1}}, 1.0)[0])
        .isCloseTo(Math.log(2) - 1, within(1e-15));
    assertThatThrownBy(() -> SquaredDistances.logSumExp(reference, queries, 0))
        .hasMessageContaining("scale must be finite and > 0");
  }

  @Test
  void rbfSumMatchesTheWeightedJavaSumAcrossBlocks() {
    Random random = new Random(11);
    double[][] reference = randomRows(random, 8, 3);
    double[][] queries = randomRows(random, 9, 3);
    double[] weights = {0.5, -1, 2, 0.25, 1, 0, 3, -0.75};
    double gamma = 0.1;
    double[] inGraph = SquaredDistances.rbfSum(reference, queries, gamma, weights, 2L * reference.length);
    SquaredDistances.forEach(reference, queries, (q, squared) -> {
      double sum = 0;
      for (int r = 0; r < squared.length; r++) {
        sum += weights[r] * Math.exp(-gamma * squared[r]);
      }
      assertThat(inGraph[q]).as("query %d", q).isCloseTo(sum, within(1e-12));
    });
    // Hand-worked: reference {0} and {2} weighted 1 and 3, query {1}: 4 e^{-gamma}.
    assertThat(SquaredDistances.rbfSum(new double[][] {{0}, {2}}, new double[][] {{1}}, 0.5, new double[] {1, 3})[0])
        .isCloseTo(4 * Math.exp(-0.5), within(1e-15));
    assertThatThrownBy(() -> SquaredDistances.rbfSum(reference, queries, gamma, new double[3]))
        .hasMessageContaining("3 weights for 8 reference rows");
  }

  @Test
  void refusesQueriesOfAnotherWidth() {
    assertThatThrownBy(() -> SquaredDistances.forEach(new double[][] {{1, 2}}, new double[][] {{1, 2, 3}}, (q, s) -> {
    })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query rows have 3 columns, the reference rows 2");
  }

  private static double[][] randomRows(Random random, int rows, int cols) {
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int c = 0; c < cols; c++) {
        row[c] = random.nextGaussian() * 3;
      }
    }
    return x;
  }
}
