package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;
import java.util.Arrays;
import java.util.Random;

/**
 * The unsupervised hashing protocol's split: {@code queries} rows drawn at random (seeded) from
 * the whole set, and every other row as the database, which is also the training set. Both keep
 * the original row order, so the split depends only on the seed and the row count.
 */
public record QueryDatabaseSplit(Dataset queries, Dataset database) {

  /** Draws {@code queryCount} of {@code all}'s rows as queries, from {@code seed}. */
  public static QueryDatabaseSplit draw(Dataset all, int queryCount, long seed) {
    boolean[] isQuery = queryRows(all.rows(), queryCount, seed, all.name());
    int[] queries = new int[queryCount];
    int[] database = new int[all.rows() - queryCount];
    for (int row = 0, q = 0, d = 0; row < isQuery.length; row++) {
      if (isQuery[row]) {
        queries[q++] = row;
      } else {
        database[d++] = row;
      }
    }
    return new QueryDatabaseSplit(all.subset(queries, "-queries"), all.subset(database, "-database"));
  }

  /**
   * Which of {@code rows} rows {@link #draw} makes queries, without copying any row: for checks
   * that only need the labels on either side.
   */
  public static boolean[] queryRows(int rows, int queryCount, long seed, String datasetName) {
    if (queryCount < 1 || queryCount >= rows) {
      throw new IllegalArgumentException("queries must be in 1.." + (rows - 1) + " for dataset '" + datasetName
          + "' of " + rows + " rows, found " + queryCount);
    }
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    Random rng = new Random(seed);
    // Fisher-Yates, stopped once the first queryCount places are drawn: they are a uniform sample.
    for (int i = 0; i < queryCount; i++) {
      int j = i + rng.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    boolean[] isQuery = new boolean[rows];
    for (int i = 0; i < queryCount; i++) {
      isQuery[order[i]] = true;
    }
    return isQuery;
  }
}
