package io.github.aelab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads the IDX files of the MNIST family (MNIST, Fashion-MNIST, KMNIST), raw or gzip-compressed.
 *
 * <p>Images must be IDX3 of unsigned bytes ({@code count x rows x cols}); pixels are scaled to
 * [0, 1] by dividing by 255 and the dataset gets image shape {@code {rows, cols, 1}}. Labels must
 * be IDX1 of unsigned bytes. Files are read whole and checked against their header: short or
 * over-long files are rejected rather than silently padded or cut.
 */
public final class IdxLoader {

  private static final int UNSIGNED_BYTE = 0x08;

  private IdxLoader() {
  }

  /**
   * Loads images and, when {@code labelsOrNull} is not {@code null}, their labels; the two files
   * must hold the same number of examples.
   */
  public static Dataset load(Path images, Path labelsOrNull, String name) {
    Images loaded = readImages(images);
    int[] labels = null;
    if (labelsOrNull != null) {
      labels = loadLabels(labelsOrNull);
      if (labels.length != loaded.count) {
        throw new DataLoadException(labelsOrNull, "holds " + labels.length + " labels but " + images
            + " holds " + loaded.count + " images; expected one label per image");
      }
    }
    return new Dataset(name, loaded.pixels, loaded.count, loaded.height * loaded.width, labels,
        new int[] {loaded.height, loaded.width, 1});
  }

  /** Loads images without labels. */
  public static Dataset loadImages(Path images, String name) {
    return load(images, null, name);
  }

  /** Loads an IDX1 label file. */
  public static int[] loadLabels(Path labels) {
    try (InputStream in = DataFiles.open(labels)) {
      int[] dims = readHeader(in, labels, 1, "labels (count)");
      int count = dims[0];
      byte[] data = DataFiles.readUpTo(in, count, labels);
      if (data.length < count) {
        throw new DataLoadException(labels, "truncated: header says " + count + " labels (" + count
            + " bytes) but only " + data.length + " bytes follow");
      }
      rejectTrailingData(in, labels, count);
      int[] values = new int[count];
      for (int i = 0; i < count; i++) {
        values[i] = data[i] & 0xff;
      }
      return values;
    } catch (IOException e) {
      throw new DataLoadException(labels, "read failed: " + e, e);
    }
  }

  private record Images(float[] pixels, int count, int height, int width) {
  }

  private static Images readImages(Path file) {
    Objects.requireNonNull(file, "images");
    try (InputStream in = DataFiles.open(file)) {
      int[] dims = readHeader(in, file, 3, "images (count x rows x cols)");
      int count = dims[0];
      int height = dims[1];
      int width = dims[2];
      long bytes = (long) count * height * width;
      if (bytes > Integer.MAX_VALUE - 8) {
        throw new DataLoadException(file, "header says " + count + " images of " + height + "x" + width
            + " (" + bytes + " bytes), more than one Java array can hold");
      }
      byte[] data = DataFiles.readUpTo(in, (int) bytes, file);
      if (data.length < bytes) {
        throw new DataLoadException(file, "truncated: header says " + count + " images of " + height + "x"
            + width + " (" + bytes + " bytes) but only " + data.length + " bytes follow");
      }
      rejectTrailingData(in, file, bytes);
      float[] pixels = new float[data.length];
      for (int i = 0; i < data.length; i++) {
        pixels[i] = (data[i] & 0xff) / 255f;
      }
      return new Images(pixels, count, height, width);
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed: " + e, e);
    }
  }

  /** Reads the magic number and dimension sizes, checking type and rank; returns the sizes. */
  private static int[] readHeader(InputStream in, Path file, int expectedDims, String expectedLayout) {
    byte[] magic = DataFiles.readUpTo(in, 4, file);
    String expectedMagic = String.format("0x%08X", (UNSIGNED_BYTE << 8) | expectedDims);
    if (magic.length < 4) {
      throw new DataLoadException(file, "truncated header: " + magic.length
          + " bytes where a 4-byte IDX magic number " + expectedMagic + " was expected");
    }
    int magicValue = toInt(magic, 0);
    if (magic[0] != 0 || magic[1] != 0) {
      throw new DataLoadException(file, String.format("not an IDX file: magic number 0x%08X, expected %s"
          + " for %s of unsigned bytes", magicValue, expectedMagic, expectedLayout));
    }
    int type = magic[2] & 0xff;
    if (type != UNSIGNED_BYTE) {
      throw new DataLoadException(file, String.format("unsupported IDX element type 0x%02X (%s); only 0x08"
          + " (unsigned byte) is supported", type, typeName(type)));
    }
    int dims = magic[3] & 0xff;
    if (dims != expectedDims) {
      throw new DataLoadException(file, "IDX file has " + dims + " dimension(s) but " + expectedLayout
          + " need " + expectedDims + (expectedDims == 3 && dims == 1 ? "; is this a labels file?"
          : expectedDims == 1 && dims == 3 ? "; is this an images file?" : ""));
    }
    byte[] sizes = DataFiles.readUpTo(in, 4 * dims, file);
    if (sizes.length < 4 * dims) {
      throw new DataLoadException(file, "truncated header: " + dims + " dimension sizes need " + 4 * dims
          + " bytes after the magic number, found " + sizes.length);
    }
    int[] extents = new int[dims];
    for (int d = 0; d < dims; d++) {
      extents[d] = toInt(sizes, 4 * d);
      // Only the count may be zero; an image with a zero side has no pixels to learn from.
      if (extents[d] < (d == 0 ? 0 : 1)) {
        throw new DataLoadException(file, "dimension " + d + " has size " + extents[d]
            + ", expected " + (d == 0 ? ">= 0" : ">= 1"));
      }
    }
    return extents;
  }

  private static void rejectTrailingData(InputStream in, Path file, long expectedBytes) {
    if (DataFiles.hasMore(in, file)) {
      throw new DataLoadException(file, "unexpected data after the " + expectedBytes
          + " bytes the header announces; the header or the file is wrong");
    }
  }

  /** IDX stores sizes and the magic number big-endian. */
  private static int toInt(byte[] b, int offset) {
    return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
        | (b[offset + 3] & 0xff);
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0x09 -> "signed byte";
      case 0x0B -> "int16";
      case 0x0C -> "int32";
      case 0x0D -> "float32";
      case 0x0E -> "float64";
      default -> "unknown";
    };
  }
}
