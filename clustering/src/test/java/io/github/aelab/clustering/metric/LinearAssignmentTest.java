package io.github.aelab.clustering.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

  @Test
  void solvesAHandWorkedThreeByThree() {
    // Rows are workers, columns jobs. The greedy choice (row 0 takes its cheapest, column 1 at 1)
    // forces row 1 to column 0 or 2 at 6 or 8; the optimum instead gives row 0 column 0 (4),
    // row 1 column 1 (2) and row 2 column 2 (2): total 8 against the greedy 1 + 6 + 3 = 10.
    double[][] cost = {
        {4, 1, 3},
        {6, 2, 8},
        {5, 3, 2},
    };

    assertThat(LinearAssignment.minimumCost(cost)).containsExactly(0, 1, 2);
  }

  @Test
  void matchesBruteForceOnRandomMatrices() {
    Random rng = new Random(5);
    for (int trial = 0; trial < 100; trial++) {
      int n = 1 + rng.nextInt(7);
      double[][] cost = new double[n][n];
      for (double[] row : cost) {
        for (int j = 0; j < n; j++) {
          // Small integers make ties common; negative entries are allowed.
          row[j] = rng.nextInt(10) - 3;
        }
      }

      int[] assignment = LinearAssignment.minimumCost(cost);

      assertThat(assignment).as("trial %d", trial).containsExactlyInAnyOrder(identity(n));
      assertThat(total(cost, assignment)).as("trial %d", trial).isCloseTo(bruteForceMinimum(cost), within(1e-9));
    }
  }

  @Test
  void anEmptyMatrixHasTheEmptyAssignment() {
    assertThat(LinearAssignment.minimumCost(new double[0][0])).isEmpty();
  }

  @Test
  void rejectsNonSquareOrNonFiniteCosts() {
    assertThatThrownBy(() -> LinearAssignment.minimumCost(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 has 1 entries, expected 2");
    assertThatThrownBy(() -> LinearAssignment.minimumCost(new double[][] {{Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }

  private static int[] identity(int n) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return values;
  }

  private static double total(double[][] cost, int[] assignment) {
    double sum = 0;
    for (int i = 0; i < assignment.length; i++) {
      sum += cost[i][assignment[i]];
    }
    return sum;
  }

  private static double bruteForceMinimum(double[][] cost) {
    int[] permutation = identity(cost.length);
    double best = Double.POSITIVE_INFINITY;
    do {
      best = Math.min(best, total(cost, permutation));
    } while (ClusteringMetricsTest.nextPermutation(permutation));
    return best;
  }
}
