package io.github.aelab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads NumPy .npy files (format versions 1.0, 2.0 and 3.0; C or Fortran order; any number of
 * dimensions) into an {@link NpyArray} in C order. A gzip-compressed file is recognised by its
 * magic bytes and decompressed.
 *
 * <p>Values are decoded while streaming, so a large float64 array never needs its raw bytes and
 * its decoded values in memory at once.
 */
public final class NpyLoader {

  /** The first bytes of every .npy file. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** NumPy itself refuses headers over 10 000 bytes by default; 1 MiB leaves room and still catches garbage. */
  private static final int MAX_HEADER_BYTES = 1 << 20;
  private static final int CHUNK_ELEMENTS = 8192;

  private NpyLoader() {
  }

  public static NpyArray load(Path file) {
    try (InputStream in = DataFiles.open(file)) {
      return read(in, file, "");
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed: " + e, e);
    }
  }

  /**
   * Reads one array from {@code in}; errors name {@code file}, then {@code context} (such as
   * {@code "entry 'X.npy': "} for an array inside an .npz archive).
   */
  static NpyArray read(InputStream in, Path file, String context) {
    NpyHeader header = readHeader(in, file, context);
    NpyDtype dtype;
    try {
      dtype = NpyDtype.parse(header.descr());
    } catch (IllegalArgumentException e) {
      throw new DataLoadException(file, context + e.getMessage());
    }
    int[] shape = header.shape();
    long count = 1;
    for (int extent : shape) {
      count *= extent;
    }
    String description = "shape " + NpyArray.formatShape(shape) + " of " + header.descr();
    if (count > Integer.MAX_VALUE - 8) {
      throw new DataLoadException(file, context + description + " has " + count
          + " elements, more than one Java array can hold");
    }
    float[] floats = dtype.isFloat() ? new float[(int) count] : null;
    long[] longs = dtype.isFloat() ? null : new long[(int) count];
    Decoder decoder = new Decoder(dtype, shape, header.fortranOrder(), floats, longs);
    byte[] chunk = new byte[CHUNK_ELEMENTS * dtype.itemSize()];
    ByteBuffer buffer = ByteBuffer.wrap(chunk).order(dtype.order());
    long expectedBytes = count * dtype.itemSize();
    long readBytes = 0;
    while (readBytes < expectedBytes) {
      int want = (int) Math.min(chunk.length, expectedBytes - readBytes);
      int got = readFully(in, chunk, want, file, context);
      readBytes += got;
      if (got < want) {
        throw new DataLoadException(file, context + "truncated: header says " + description + " ("
            + expectedBytes + " bytes) but only " + readBytes + " bytes follow");
      }
      buffer.clear();
      try {
        decoder.decode(buffer, want / dtype.itemSize());
      } catch (ArithmeticException e) {
        throw new DataLoadException(file, context + e.getMessage());
      }
    }
    return new NpyArray(header.descr(), shape, floats, longs);
  }

  private static NpyHeader readHeader(InputStream in, Path file, String context) {
    byte[] prelude = readExactly(in, MAGIC.length + 2, file, context, "the magic string and version");
    for (int i = 0; i < MAGIC.length; i++) {
      if (prelude[i] != MAGIC[i]) {
        throw new DataLoadException(file, context + "not a .npy file: it does not start with the magic string"
            + " \\x93NUMPY");
      }
    }
    int major = prelude[6] & 0xff;
    int minor = prelude[7] & 0xff;
    if (major < 1 || major > 3 || minor != 0) {
      throw new DataLoadException(file, context + "unsupported .npy format version " + major + "." + minor
          + "; expected 1.0, 2.0 or 3.0");
    }
    // Version 1.0 has a 2-byte header length; 2.0 and 3.0 have 4 bytes. All little-endian.
    int lengthBytes = major == 1 ? 2 : 4;
    ByteBuffer length = ByteBuffer.wrap(readExactly(in, lengthBytes, file, context, "the header length"))
        .order(ByteOrder.LITTLE_ENDIAN);
    long headerBytes = major == 1 ? length.getShort() & 0xffff : length.getInt() & 0xffffffffL;
    if (headerBytes > MAX_HEADER_BYTES) {
      throw new DataLoadException(file, context + "malformed header: declared length " + headerBytes
          + " bytes exceeds " + MAX_HEADER_BYTES);
    }
    byte[] text = readExactly(in, (int) headerBytes, file, context, "the header dictionary");
    // Version 3.0 only differs from 2.0 in allowing UTF-8 (field names); earlier headers are Latin-1.
    String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    try {
      return NpyHeader.parse(dict);
    } catch (IllegalArgumentException e) {
      throw new DataLoadException(file, context + e.getMessage());
    }
  }

  private static byte[] readExactly(InputStream in, int n, Path file, String context, String what) {
    byte[] bytes = new byte[n];
    int got = readFully(in, bytes, n, file, context);
    if (got < n) {
      throw new DataLoadException(file, context + "truncated header: only " + got + " of the " + n + " bytes of "
          + what);
    }
    return bytes;
  }

  private static int readFully(InputStream in, byte[] into, int n, Path file, String context) {
    try {
      return in.readNBytes(into, 0, n);
    } catch (IOException e) {
      throw new DataLoadException(file, context + "read failed (corrupt or truncated compressed data?): "
          + e.getMessage(), e);
    }
  }

  /**
   * Writes elements arriving in file order to their C-order positions. For Fortran order the
   * first axis varies fastest in the file, so the C index is tracked with an odometer over the
   * axes rather than recomputed from scratch for each element.
   */
  private static final class Decoder {
    private final NpyDtype dtype;
    private final int[] shape;
    private final boolean fortran;
    private final float[] floats;
    private final long[] longs;
    private final long[] cStrides;
    private final int[] position;
    private long cIndex;
    private int next;

    Decoder(NpyDtype dtype, int[] shape, boolean fortran, float[] floats, long[] longs) {
      this.dtype = dtype;
      this.shape = shape;
      // A 1-D or empty array is stored identically in both orders.
      this.fortran = fortran && shape.length > 1;
      this.floats = floats;
      this.longs = longs;
      this.cStrides = new long[shape.length];
      this.position = new int[shape.length];
      long stride = 1;
      for (int d = shape.length - 1; d >= 0; d--) {
        cStrides[d] = stride;
        stride *= shape[d];
      }
    }

    void decode(ByteBuffer buffer, int elements) {
      for (int i = 0; i < elements; i++) {
        int target = fortran ? (int) cIndex : next;
        if (floats != null) {
          floats[target] = dtype.readFloat(buffer);
        } else {
          longs[target] = dtype.readLong(buffer);
        }
        next++;
        if (fortran) {
          advance();
        }
      }
    }

    private void advance() {
      for (int d = 0; d < shape.length; d++) {
        cIndex += cStrides[d];
        if (++position[d] < shape[d]) {
          return;
        }
        cIndex -= cStrides[d] * shape[d];
        position[d] = 0;
      }
    }
  }
}
