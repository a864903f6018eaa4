package io.github.aelab.clustering.metric;

import java.util.Arrays;
import java.util.Objects;

/**
 * The linear assignment problem: match each row of a square cost matrix to a distinct column so
 * that the summed cost is minimal. Solved by the Hungarian (Kuhn-Munkres) method in its
 * shortest-augmenting-path form, O(n^3) time and O(n^2) memory for the input.
 *
 * <p>The method keeps dual potentials {@code u} (rows) and {@code v} (columns) with
 * {@code cost[i][j] - u[i] - v[j] >= 0} for every pair (the reduced cost). Rows join one at a time;
 * for each, a Dijkstra-like search over reduced costs grows a tree of tight edges from the new row
 * until it reaches a free column, shifting the potentials by the smallest slack at every step so
 * that the edges already in the tree stay tight. Flipping the matching along the path found adds
 * the row; a matching made of tight edges under feasible potentials is optimal (complementary
 * slackness), so after the last row the matching is a minimum-cost assignment.
 */
public final class LinearAssignment {

  private LinearAssignment() {
  }

  /**
   * A minimum-cost assignment of the square, finite {@code cost} matrix: {@code result[row]} is
   * the column given to {@code row}, and every column is used once. Among several optimal
   * assignments, which one is returned is deterministic but unspecified.
   */
  public static int[] minimumCost(double[][] cost) {
    int n = checkSquare(cost);
    // Column index n is a virtual column: the search for a new row starts from it, so the row
    // being added is "matched" to it until the augmenting path reaches a real free column.
    int virtual = n;
    double[] rowPotential = new double[n];
    double[] columnPotential = new double[n + 1];
    int[] rowOfColumn = new int[n + 1];
    Arrays.fill(rowOfColumn, -1);
    int[] previousColumn = new int[n + 1];
    double[] slack = new double[n + 1];
    boolean[] inTree = new boolean[n + 1];

    for (int newRow = 0; newRow < n; newRow++) {
      rowOfColumn[virtual] = newRow;
      Arrays.fill(slack, Double.POSITIVE_INFINITY);
      Arrays.fill(inTree, false);
      int column = virtual;
      while (rowOfColumn[column] != -1) {
        inTree[column] = true;
        int row = rowOfColumn[column];
        double step = Double.POSITIVE_INFINITY;
        int nextColumn = -1;
        for (int j = 0; j < n; j++) {
          if (inTree[j]) {
            continue;
          }
          double reduced = cost[row][j] - rowPotential[row] - columnPotential[j];
          if (reduced < slack[j]) {
            slack[j] = reduced;
            previousColumn[j] = column;
          }
          if (slack[j] < step) {
            step = slack[j];
            nextColumn = j;
          }
        }
        // Raise the tree's rows and lower its columns by the smallest slack: tree edges keep a
        // reduced cost of 0, and the edge to nextColumn becomes tight.
        for (int j = 0; j <= n; j++) {
          if (inTree[j]) {
            rowPotential[rowOfColumn[j]] += step;
            columnPotential[j] -= step;
          } else {
            slack[j] -= step;
          }
        }
        column = nextColumn;
      }
      // column is free: flip the matching along the path back to the virtual column.
      while (column != virtual) {
        int previous = previousColumn[column];
        rowOfColumn[column] = rowOfColumn[previous];
        column = previous;
      }
    }
    int[] columnOfRow = new int[n];
    for (int j = 0; j < n; j++) {
      columnOfRow[rowOfColumn[j]] = j;
    }
    return columnOfRow;
  }

  private static int checkSquare(double[][] cost) {
    Objects.requireNonNull(cost, "cost");
    int n = cost.length;
    for (int i = 0; i < n; i++) {
      if (cost[i] == null || cost[i].length != n) {
        throw new IllegalArgumentException("cost must be a square matrix: row " + i + " has "
            + (cost[i] == null ? "no entries (null)" : cost[i].length + " entries") + ", expected " + n);
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(cost[i][j])) {
          throw new IllegalArgumentException("cost must be finite, found " + cost[i][j] + " at (" + i + ", " + j + ")");
        }
      }
    }
    return n;
  }
}
