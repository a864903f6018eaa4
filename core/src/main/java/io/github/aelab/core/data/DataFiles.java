package io.github.aelab.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening data files, transparently gunzipping those that start with the gzip magic bytes. */
final class DataFiles {

  private static final int BUFFER_BYTES = 1 << 16;

  private DataFiles() {
  }

  /**
   * Opens {@code file} for reading; if its first two bytes are the gzip magic (1f 8b) the stream
   * is decompressed. The extension is ignored on purpose: MNIST mirrors ship both
   * {@code train-images-idx3-ubyte} and {@code train-images-idx3-ubyte.gz}, and renamed files
   * are common.
   */
  static InputStream open(Path file) {
    try {
      BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES);
      }
      return raw;
    } catch (NoSuchFileException e) {
      throw new DataLoadException(file, "file not found", e);
    } catch (IOException e) {
      throw new DataLoadException(file, "cannot open: " + e, e);
    }
  }

  /**
   * Reads up to {@code n} bytes, fewer only at the end of the stream. Corrupt or cut-off gzip
   * data surfaces here as an IOException; it is reported as such rather than as a short read.
   */
  static byte[] readUpTo(InputStream in, int n, Path file) {
    try {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed (corrupt or truncated gzip data?): " + e.getMessage(), e);
    }
  }

  /** Whether the stream has at least one more byte. */
  static boolean hasMore(InputStream in, Path file) {
    try {
      return in.read() >= 0;
    } catch (IOException e) {
      throw new DataLoadException(file, "read failed (corrupt or truncated gzip data?): " + e.getMessage(), e);
    }
  }
}
