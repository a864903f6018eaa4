package io.github.aelab.experiments.bind;

import java.util.Collection;

/** "Did you mean": the closest known name by edit distance, when it is close enough to be a typo. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The closest candidate within distance max(2, length/3), or else the only candidate that
   * extends the wrong name ("masking" for "masking_noise"), or null.
   */
  public static String closest(String wrong, Collection<String> candidates) {
    String byDistance = closestByDistance(wrong, candidates);
    if (byDistance != null || wrong.length() < 3) {
      return byDistance;
    }
    java.util.List<String> extending = candidates.stream().filter(c -> c.startsWith(wrong) || c.endsWith(wrong)).toList();
    return extending.size() == 1 ? extending.get(0) : null;
  }

  private static String closestByDistance(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(2, wrong.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours counts once. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
