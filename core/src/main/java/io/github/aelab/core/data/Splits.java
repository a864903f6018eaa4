package io.github.aelab.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded ways to shuffle and partition a dataset. The same seed always gives the same rows; parts
 * are named {@code name-train} and {@code name-test}, and rows within each part are in random
 * order so that minibatches mix classes.
 */
public final class Splits {

  private Splits() {
  }

  /** The rows in a random order. */
  public static Dataset shuffle(Dataset data, long seed) {
    return data.subset(randomOrder(data.rows(), seed), "");
  }

  /** Row indices {@code 0..rows-1} in the random order {@link #shuffle} puts a dataset of that size in. */
  public static int[] randomOrder(int rows, long seed) {
    return Permutations.random(rows, new Random(seed));
  }

  /**
   * How many of {@code rows} rows a split at {@code trainFraction} gives training: rounded, as every
   * split here rounds (per label for {@link #stratified}, of the normal rows for {@link #oneClass}),
   * so checks made before splitting count what the split will do.
   */
  public static int trainRows(int rows, double trainFraction) {
    return (int) Math.round(trainFraction * rows);
  }

  /** A random {@code trainFraction} of the rows (rounded) for training, the rest for testing. */
  public static Split trainTest(Dataset data, double trainFraction, long seed) {
    checkFraction("trainFraction", trainFraction, false);
    int[] order = Permutations.random(data.rows(), new Random(seed));
    int trainRows = trainRows(data.rows(), trainFraction);
    return split(data, Arrays.copyOfRange(order, 0, trainRows), Arrays.copyOfRange(order, trainRows, order.length));
  }

  /**
   * Like {@link #trainTest} but per label: each label contributes {@code trainFraction} of its rows
   * (rounded) to training, so rare classes such as outliers keep their proportion in both parts.
   */
  public static Split stratified(Dataset data, double trainFraction, long seed) {
    checkFraction("trainFraction", trainFraction, false);
    requireLabels(data, "a stratified split");
    Random rng = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] group : rowsByLabel(data).values()) {
      Permutations.shuffle(group, rng);
      int trainRows = trainRows(group.length, trainFraction);
      for (int i = 0; i < group.length; i++) {
        (i < trainRows ? train : test).add(group[i]);
      }
    }
    return split(data, shuffled(train, rng), shuffled(test, rng));
  }

  /**
   * The one-class protocol of anomaly detection (e.g. Deep SVDD on MNIST): training sees only
   * {@code normalTrainFraction} of the rows labelled {@code normalLabel}; the test part holds the
   * remaining normal rows and every row of any other label.
   */
  public static Split oneClass(Dataset data, int normalLabel, double normalTrainFraction, long seed) {
    checkFraction("normalTrainFraction", normalTrainFraction, true);
    requireLabels(data, "a one-class split");
    Map<Integer, int[]> groups = rowsByLabel(data);
    int[] normals = normalRows(data, groups, normalLabel);
    Random rng = new Random(seed);
    Permutations.shuffle(normals, rng);
    int trainRows = trainRows(normals.length, normalTrainFraction);
    List<Integer> test = new ArrayList<>();
    for (int i = trainRows; i < normals.length; i++) {
      test.add(normals[i]);
    }
    for (Map.Entry<Integer, int[]> group : groups.entrySet()) {
      if (group.getKey() != normalLabel) {
        for (int row : group.getValue()) {
          test.add(row);
        }
      }
    }
    return split(data, Arrays.copyOf(normals, trainRows), shuffled(test, rng));
  }

  /**
   * The one-class split without a draw, as ADBench's data generator makes it for the DTE paper's
   * semi-supervised table: the first {@code normalTrainFraction} of the rows labelled
   * {@code normalLabel}, in the order they come, train; the rest of them and every row of any other
   * label test, also in file order. On a file sorted by some property (source, time), training and
   * test normals then differ, which a random split hides.
   */
  public static Split oneClassInFileOrder(Dataset data, int normalLabel, double normalTrainFraction) {
    checkFraction("normalTrainFraction", normalTrainFraction, true);
    requireLabels(data, "a one-class split");
    int[] normals = normalRows(data, rowsByLabel(data), normalLabel); // in file order
    int[] train = Arrays.copyOf(normals, trainRows(normals.length, normalTrainFraction));
    int[] test = new int[data.rows() - train.length];
    for (int row = 0, next = 0, tested = 0; row < data.rows(); row++) {
      if (next < train.length && train[next] == row) {
        next++;
      } else {
        test[tested++] = row;
      }
    }
    return split(data, train, test);
  }

  private static Split split(Dataset data, int[] trainRows, int[] testRows) {
    return new Split(data.subset(trainRows, "-train"), data.subset(testRows, "-test"));
  }

  /** The rows labelled {@code normalLabel} among {@code groups} (from {@link #rowsByLabel}), in file order. */
  private static int[] normalRows(Dataset data, Map<Integer, int[]> groups, int normalLabel) {
    int[] normals = groups.get(normalLabel);
    if (normals == null) {
      throw new IllegalArgumentException("no rows with normal label " + normalLabel + " in dataset '"
          + data.name() + "'; labels present: " + groups.keySet());
    }
    return normals;
  }

  /** Row indices per label, each in file order; labels ascending so the draws do not depend on hash order. */
  private static Map<Integer, int[]> rowsByLabel(Dataset data) {
    Map<Integer, Integer> counts = data.labelCounts();
    Map<Integer, int[]> groups = new TreeMap<>();
    Map<Integer, Integer> filled = new TreeMap<>();
    counts.forEach((label, count) -> {
      groups.put(label, new int[count]);
      filled.put(label, 0);
    });
    int[] labels = data.labels();
    for (int row = 0; row < data.rows(); row++) {
      int label = labels[row];
      groups.get(label)[filled.merge(label, 1, Integer::sum) - 1] = row;
    }
    return groups;
  }

  private static int[] shuffled(List<Integer> rows, Random rng) {
    int[] array = rows.stream().mapToInt(Integer::intValue).toArray();
    Permutations.shuffle(array, rng);
    return array;
  }

  private static void requireLabels(Dataset data, String what) {
    if (!data.hasLabels()) {
      throw new IllegalArgumentException(what + " needs labels, but dataset '" + data.name() + "' has none");
    }
  }

  private static void checkFraction(String name, double fraction, boolean oneAllowed) {
    if (!(fraction > 0 && (oneAllowed ? fraction <= 1 : fraction < 1))) {
      throw new IllegalArgumentException(name + " must be in (0, " + (oneAllowed ? "1]" : "1)") + ", found "
          + fraction);
    }
  }
}
