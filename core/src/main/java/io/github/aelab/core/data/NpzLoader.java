package io.github.aelab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads NumPy .npz archives (zip files of .npy arrays, stored or deflated), such as the ADBench
 * anomaly datasets ({@code X}: n x d features, {@code y}: n labels).
 *
 * <p>Features become float32; labels must be integral (integer dtypes, or floats with integral
 * values) and fit an int.
 */
public final class NpzLoader {

  private static final String SUFFIX = ".npy";

  private NpzLoader() {
  }

  /** Loads features from array {@code X} and labels from array {@code y}, the ADBench layout. */
  public static Dataset load(Path file, String name) {
    return load(file, "X", "y", name);
  }

  /**
   * Loads features from the 2-D array {@code xKey} and, unless {@code yKeyOrNull} is
   * {@code null}, labels from the 1-D (or n x 1) array {@code yKeyOrNull}; e.g. {@code "X_train",
   * "y_train"} for the USPS archive.
   */
  public static Dataset load(Path file, String xKey, String yKeyOrNull, String name) {
    try (ZipFile zip = open(file)) {
      NpyArray x = read(zip, file, xKey);
      requireMatrix(file, xKey, x);
      int rows = x.shape()[0];
      int cols = x.shape()[1];
      float[] features = x.toFloats();
      ValueChecks.requireFinite(file, "array '" + xKey + "'", features, cols);
      int[] labels = null;
      if (yKeyOrNull != null) {
        NpyArray y = read(zip, file, yKeyOrNull);
        labels = labels(file, yKeyOrNull, y, xKey, rows);
      }
      return new Dataset(name, features, rows, cols, labels);
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed: " + e, e);
    }
  }

  /**
   * Loads one 2-D array whose last column is the label, as in the DAGMM KDDCUP99 file
   * ({@code kdd}: 494021 x 119, 118 features then the label).
   */
  public static Dataset loadLabelInLastColumn(Path file, String key, String name) {
    NpyArray table = array(file, key);
    requireMatrix(file, key, table);
    int rows = table.shape()[0];
    int cols = table.shape()[1] - 1;
    if (cols < 1) {
      throw new DataLoadException(file, "array '" + key + "' has shape " + table.shapeString()
          + "; expected at least one feature column before the label column");
    }
    float[] features = new float[Math.multiplyExact(rows, cols)];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      int rowStart = r * (cols + 1);
      for (int c = 0; c < cols; c++) {
        features[r * cols + c] = (float) table.getDouble(rowStart + c);
      }
      labels[r] = ValueChecks.label(file, "label column of '" + key + "'", table.getDouble(rowStart + cols), r);
    }
    ValueChecks.requireFinite(file, "array '" + key + "'", features, cols);
    return new Dataset(name, features, rows, cols, labels);
  }

  /** Reads the array stored under {@code key} (the entry {@code key + ".npy"}). */
  public static NpyArray array(Path file, String key) {
    try (ZipFile zip = open(file)) {
      return read(zip, file, key);
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed: " + e, e);
    }
  }

  /** Every array in the archive by name (without ".npy"), in storage order, read in one opening of it. */
  public static Map<String, NpyArray> arrays(Path file) {
    try (ZipFile zip = open(file)) {
      Map<String, NpyArray> arrays = new LinkedHashMap<>();
      for (String key : keys(zip)) {
        arrays.put(key, read(zip, file, key));
      }
      return arrays;
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed: " + e, e);
    }
  }

  /** The array names in the archive, in storage order, without the ".npy" suffix. */
  public static List<String> keys(Path file) {
    try (ZipFile zip = open(file)) {
      return keys(zip);
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed: " + e, e);
    }
  }

  private static ZipFile open(Path file) {
    try {
      return new ZipFile(file.toFile());
    } catch (NoSuchFileException e) {
      throw new DataLoadException(file, "file not found", e);
    } catch (IOException e) {
      if (!file.toFile().exists()) {
        throw new DataLoadException(file, "file not found", e);
      }
      throw new DataLoadException(file, "not a valid .npz (zip) archive, or truncated: " + e.getMessage(), e);
    }
  }

  private static List<String> keys(ZipFile zip) {
    List<String> keys = new ArrayList<>();
    zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(SUFFIX))
        .forEach(n -> keys.add(n.substring(0, n.length() - SUFFIX.length())));
    return keys;
  }

  private static NpyArray read(ZipFile zip, Path file, String key) {
    ZipEntry entry = zip.getEntry(key + SUFFIX);
    if (entry == null) {
      throw new DataLoadException(file, "missing array '" + key + "' (entry " + key + SUFFIX
          + "); the archive holds " + keys(zip));
    }
    String context = "entry '" + entry.getName() + "': ";
    try (InputStream in = zip.getInputStream(entry)) {
      return NpyLoader.read(in, file, context);
    } catch (IOException e) {
      throw new DataLoadException(file, context + "read failed (corrupt zip data?): " + e.getMessage(), e);
    }
  }

  private static void requireMatrix(Path file, String key, NpyArray array) {
    int[] shape = array.shape();
    if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
      throw new DataLoadException(file, "array '" + key + "' has shape " + array.shapeString()
          + "; expected a non-empty 2-D array (rows, features)");
    }
  }

  private static int[] labels(Path file, String yKey, NpyArray y, String xKey, int rows) {
    int[] shape = y.shape();
    boolean vector = shape.length == 1 || (shape.length == 2 && (shape[0] == 1 || shape[1] == 1));
    if (!vector) {
      throw new DataLoadException(file, "array '" + yKey + "' has shape " + y.shapeString()
          + "; expected a label vector (n,) or (n, 1)");
    }
    if (y.size() != rows) {
      throw new DataLoadException(file, "row count mismatch: '" + xKey + "' has " + rows + " rows but '" + yKey
          + "' has " + y.size() + " labels " + y.shapeString());
    }
    int[] labels = new int[rows];
    String variable = "array '" + yKey + "'";
    for (int i = 0; i < rows; i++) {
      labels[i] = y.isInteger() ? ValueChecks.label(file, variable, y.longs()[i], i)
          : ValueChecks.label(file, variable, y.getDouble(i), i);
    }
    return labels;
  }
}
