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
    if (queryCount < 1 || queryCount >= all.rows()) {
      throw new IllegalArgumentException("queries must be in 1.." + (all.rows() - 1) + " for dataset '" + all.name()
          + "' of " + all.rows() + " rows, found " + queryCount);
    }
    int[] order = new int[all.rows()];
    Arrays.setAll(order, i -> i);
    Random rng = new Random(seed);
    // Fisher-Yates, stopped once the first queryCount places are drawn: they are a uniform sample.
    for (int i = 0; i < queryCount; i++) {
      int j = i + rng.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] queries = Arrays.copyOfRange(order, 0, queryCount);
    int[] database = Arrays.copyOfRange(order, queryCount, order.length);
    Arrays.sort(queries);
    Arrays.sort(database);
    return new QueryDatabaseSplit(all.subset(queries, "-queries"), all.subset(database, "-database"));
  }
}
