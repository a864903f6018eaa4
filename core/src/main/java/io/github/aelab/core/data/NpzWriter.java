package io.github.aelab.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes float32 arrays as a NumPy {@code .npz} archive (deflated), readable by
 * {@code numpy.load} and by {@link NpzLoader}: weights that a Python user can open, and that a
 * later run can read back bit for bit.
 *
 * <p>The same arrays always give the same bytes (no write time is stored). The archive is
 * written beside its target and moved into place, so a reader never sees half
 * a file and a failed write leaves any earlier archive as it was.
 */
public final class NpzWriter {
  // Format 1.0 headers: the magic, two version bytes and a two-byte length come first, and the
  // whole preamble is padded with spaces to a multiple of 64 bytes, ending in a newline.
  private static final int ALIGNMENT = 64;
  private static final int PREAMBLE_BYTES = NpyLoader.MAGIC.length + 2 + 2;
  // One fixed entry time (the zip format's earliest), so the same arrays always give the same
  // bytes, and so the same sha256 in a run's provenance.
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private NpzWriter() {
  }

  /**
   * Writes each array under its key ({@code key + ".npy"} in the archive), in the map's order.
   *
   * @param arrays float arrays only (their values are written as little-endian float32)
   */
  public static void write(Path file, Map<String, NpyArray> arrays) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
          NpyArray array = e.getValue();
          if (array.isInteger()) {
            throw new IllegalArgumentException("array '" + e.getKey() + "' holds integers; only float arrays are "
                + "written");
          }
          ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
          entry.setTimeLocal(ENTRY_TIME);
          zip.putNextEntry(entry);
          writeNpy(zip, array.shape(), array.floats());
          zip.closeEntry();
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // The write already failed; that failure is the one to report.
    }
  }

  private static void writeNpy(OutputStream out, int[] shape, float[] values) throws IOException {
    byte[] header = header(shape);
    out.write(NpyLoader.MAGIC);
    out.write(new byte[] {1, 0});
    out.write(new byte[] {(byte) (header.length & 0xff), (byte) (header.length >>> 8)});
    out.write(header);
    ByteBuffer chunk = ByteBuffer.allocate(4 * 8192).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      if (!chunk.hasRemaining()) {
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      chunk.putFloat(v);
    }
    out.write(chunk.array(), 0, chunk.position());
  }

  /** The dictionary literal NumPy writes, padded so that the data starts 64-byte aligned. */
  static byte[] header(int[] shape) {
    StringBuilder text = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': "
        + NpyArray.formatShape(shape) + ", }");
    int unpadded = PREAMBLE_BYTES + text.length() + 1;
    text.append(" ".repeat((ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT)).append('\n');
    if (text.length() > 0xffff) {
      throw new IllegalArgumentException("shape too long for a format 1.0 header: " + text.length() + " bytes");
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
