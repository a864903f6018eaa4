package io.github.aelab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Loads MATLAB v5/v7 .mat files holding a feature matrix and a label vector, as the ODDS anomaly
 * datasets do ({@code X}: n x d, {@code y}: n x 1 with 1 = outlier).
 *
 * <p>Reading the MAT format is left to MFL. MATLAB v7.3 files are HDF5 containers that MFL cannot
 * read; they are recognised by their HDF5 signature and rejected with a pointer to the ADBench
 * .npz copy of the same data, which {@link NpzLoader} reads.
 */
public final class MatLoader {

  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  /** v7.3 files put a 512-byte MATLAB user block before the HDF5 superblock. */
  private static final int HDF5_USER_BLOCK = 512;
  private static final int MAT5_HEADER_BYTES = 128;
  private static final Set<MatlabType> NUMERIC = Set.of(MatlabType.Double, MatlabType.Single,
      MatlabType.Int8, MatlabType.UInt8, MatlabType.Int16, MatlabType.UInt16, MatlabType.Int32,
      MatlabType.UInt32, MatlabType.Int64, MatlabType.UInt64);

  private MatLoader() {
  }

  /** Loads features from variable {@code X} and labels from {@code y}. */
  public static Dataset load(Path file, String name) {
    return load(file, "X", "y", name);
  }

  /**
   * Loads features from the 2-D numeric variable {@code xVariable} and, unless
   * {@code yVariableOrNull} is {@code null}, integer labels from the vector {@code yVariableOrNull}.
   */
  public static Dataset load(Path file, String xVariable, String yVariableOrNull, String name) {
    checkHeader(file);
    try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
      Map<String, Array> variables = variables(mat);
      Matrix x = numericMatrix(file, variables, xVariable);
      int rows = x.getNumRows();
      int cols = x.getNumCols();
      if (x.getNumDimensions() != 2 || rows < 1 || cols < 1) {
        throw new DataLoadException(file, "variable '" + xVariable + "' must be a non-empty 2-D matrix (rows x"
            + " features), found size " + sizeOf(x));
      }
      float[] features = new float[Math.multiplyExact(rows, cols)];
      // MAT files are column-major; walking columns outermost reads the storage sequentially.
      for (int c = 0; c < cols; c++) {
        for (int r = 0; r < rows; r++) {
          features[r * cols + c] = (float) x.getDouble(r, c);
        }
      }
      ValueChecks.requireFinite(file, "variable '" + xVariable + "'", features, cols);
      int[] labels = yVariableOrNull == null ? null : labels(file, variables, yVariableOrNull, xVariable, rows);
      return new Dataset(name, features, rows, cols, labels);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DataLoadException loadError) {
        throw loadError;
      }
      throw new DataLoadException(file, "cannot be read as a MATLAB v5/v7 MAT-file (truncated or corrupt?): " + e,
          e);
    }
  }

  /**
   * Checks the 128-byte MAT v5 header before handing the file to MFL, so that v7.3 (HDF5), v4
   * and non-MAT files get a clear message instead of a parser error.
   */
  private static void checkHeader(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HDF5_USER_BLOCK + HDF5_SIGNATURE.length);
    } catch (NoSuchFileException e) {
      throw new DataLoadException(file, "file not found", e);
    } catch (IOException e) {
      throw new DataLoadException(file, "cannot open: " + e, e);
    }
    if (startsWith(head, 0, HDF5_SIGNATURE) || startsWith(head, HDF5_USER_BLOCK, HDF5_SIGNATURE)) {
      throw new DataLoadException(file, "MATLAB v7.3 (HDF5) .mat files are not supported; expected a v5/v7"
          + " MAT-file. Re-save with save(..., '-v7') or use the ADBench .npz copy of the dataset"
          + " (NpzLoader)");
    }
    if (head.length < MAT5_HEADER_BYTES) {
      throw new DataLoadException(file, "truncated: " + head.length + " bytes, but a MAT-file starts with a "
          + MAT5_HEADER_BYTES + "-byte header");
    }
    boolean littleEndian = head[126] == 'I' && head[127] == 'M';
    boolean bigEndian = head[126] == 'M' && head[127] == 'I';
    if (!littleEndian && !bigEndian) {
      throw new DataLoadException(file, "not a MATLAB v5/v7 MAT-file: no endian indicator 'IM' or 'MI' at byte"
          + " 126 (MATLAB v4 files are not supported)");
    }
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    return data.length >= offset + prefix.length
        && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static Map<String, Array> variables(MatFile mat) {
    Map<String, Array> variables = new LinkedHashMap<>();
    for (MatFile.Entry entry : mat.getEntries()) {
      variables.put(entry.getName(), entry.getValue());
    }
    return variables;
  }

  private static Matrix numericMatrix(Path file, Map<String, Array> variables, String variable) {
    Array array = variables.get(variable);
    if (array == null) {
      throw new DataLoadException(file, "missing variable '" + variable + "'; the file holds "
          + variables.keySet());
    }
    boolean numeric = array instanceof Matrix matrix && (NUMERIC.contains(array.getType()) || matrix.isLogical());
    if (!numeric) {
      throw new DataLoadException(file, "variable '" + variable + "' is of type " + array.getType()
          + "; expected a dense numeric matrix (double, single or integer)");
    }
    Matrix matrix = (Matrix) array;
    if (matrix.isComplex()) {
      throw new DataLoadException(file, "variable '" + variable + "' is complex; expected real numbers");
    }
    return matrix;
  }

  private static int[] labels(Path file, Map<String, Array> variables, String yVariable, String xVariable, int rows) {
    Matrix y = numericMatrix(file, variables, yVariable);
    boolean vector = y.getNumDimensions() == 2 && (y.getNumCols() == 1 || y.getNumRows() == 1);
    if (!vector) {
      throw new DataLoadException(file, "variable '" + yVariable + "' must be a vector (n x 1 or 1 x n), found size "
          + sizeOf(y));
    }
    if (y.getNumElements() != rows) {
      throw new DataLoadException(file, "row count mismatch: '" + xVariable + "' has " + rows + " rows but '"
          + yVariable + "' has " + y.getNumElements() + " entries");
    }
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = ValueChecks.label(file, "variable '" + yVariable + "'", y.getDouble(i), i);
    }
    return labels;
  }

  private static String sizeOf(Array array) {
    StringBuilder size = new StringBuilder();
    for (int d : array.getDimensions()) {
      size.append(size.length() == 0 ? "" : "x").append(d);
    }
    return size.toString();
  }
}
