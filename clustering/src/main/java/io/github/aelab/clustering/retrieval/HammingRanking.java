package io.github.aelab.clustering.retrieval;

import java.util.Objects;

/**
 * The database ranked for one query by Hamming distance, nearest first, ties broken by database
 * row index, so the ranking is deterministic.
 *
 * <p>Distances are integers in {@code 0..bits}, so the ranking is a counting sort: one pass
 * computes every row's distance and a histogram, a prefix sum of the histogram gives the rank at
 * which each distance starts, and rows keep their index order within a distance. That is
 * O(rows + bits) per query against O(rows log rows) for a comparison sort, and it needs no boxed
 * objects. Metrics that only need rank positions ({@link RetrievalMetrics}) read
 * {@link #firstRankAt(int)} and {@link #distance(int)} and never materialize {@link #order()}.
 */
public final class HammingRanking {

  private final int bits;
  private final int[] distances;
  /** {@code firstRank[d]}: rows at distance < d; length bits + 2, so firstRank[bits + 1] = rows. */
  private final int[] firstRank;

  private HammingRanking(int bits, int[] distances, int[] firstRank) {
    this.bits = bits;
    this.distances = distances;
    this.firstRank = firstRank;
  }

  /** Ranks every row of {@code database} for row {@code query} of {@code queries}. */
  public static HammingRanking of(BinaryCodes queries, int query, BinaryCodes database) {
    queries.requireSameBits(database);
    Objects.checkIndex(query, queries.rows());
    int bits = database.bits();
    int rows = database.rows();
    int words = database.wordsPerRow();
    long[] db = database.wordsView();
    long[] q = queries.wordsView();
    int[] distances = new int[rows];
    int[] firstRank = new int[bits + 2];
    if (words == 1) {
      // Codes of up to 64 bits (the semantic-hashing protocol's sizes) are one word: keep the
      // inner loop to one XOR and one POPCNT.
      long code = q[query];
      for (int row = 0; row < rows; row++) {
        int distance = Long.bitCount(code ^ db[row]);
        distances[row] = distance;
        firstRank[distance + 1]++;
      }
    } else {
      int queryOffset = query * words;
      for (int row = 0; row < rows; row++) {
        int distance = 0;
        int offset = row * words;
        for (int w = 0; w < words; w++) {
          distance += Long.bitCount(q[queryOffset + w] ^ db[offset + w]);
        }
        distances[row] = distance;
        firstRank[distance + 1]++;
      }
    }
    for (int d = 1; d <= bits + 1; d++) {
      firstRank[d] += firstRank[d - 1];
    }
    return new HammingRanking(bits, distances, firstRank);
  }

  /** Code length: distances run from 0 to {@code bits()}. */
  public int bits() {
    return bits;
  }

  /** Number of database rows ranked. */
  public int rows() {
    return distances.length;
  }

  /** The Hamming distance from the query to database row {@code row}. */
  public int distance(int row) {
    return distances[Objects.checkIndex(row, distances.length)];
  }

  /**
   * The 0-based rank of the first row at distance {@code distance}, which is the number of rows
   * strictly nearer; {@code firstRankAt(bits() + 1)} is {@link #rows()}.
   */
  public int firstRankAt(int distance) {
    return firstRank[Objects.checkIndex(distance, bits + 2)];
  }

  /** The shared per-row distances, for the metric loops in this package; never modified. */
  int[] distancesView() {
    return distances;
  }

  /** Number of database rows within Hamming radius {@code radius} (distance {@code <= radius}). */
  public int rowsWithin(int radius) {
    if (radius < 0 || radius > bits) {
      throw new IllegalArgumentException("radius must be in 0.." + bits + ", found " + radius);
    }
    return firstRank[radius + 1];
  }

  /** The database row indices in rank order: the full ranking. */
  public int[] order() {
    return top(distances.length);
  }

  /** The first {@code k} database rows in rank order, {@code k} in 0..rows. */
  public int[] top(int k) {
    if (k < 0 || k > distances.length) {
      throw new IllegalArgumentException("k must be in 0.." + distances.length + " (the database rows), found " + k);
    }
    int[] next = firstRank.clone();
    int[] top = new int[k];
    // Rows are visited in index order, so each distance's rows land in index order (the tie break).
    for (int row = 0; row < distances.length; row++) {
      int rank = next[distances[row]]++;
      if (rank < k) {
        top[rank] = row;
      }
    }
    return top;
  }
}
