package io.github.aelab.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The element types NpyLoader reads: float32/float64, signed and unsigned integers of 1 to 8
 * bytes, and bool, in either byte order.
 */
record NpyDtype(char kind, int itemSize, ByteOrder order) {

  static final String SUPPORTED = "f4, f8 (float), i1, i2, i4, i8 (signed), u1, u2, u4, u8 (unsigned), b1 (bool),"
      + " with byte order '<', '>' or '|'";

  private static final Pattern DESCR = Pattern.compile("([<>|=])([fiub])(\\d+)");

  /**
   * Parses a descriptor such as {@code "<f8"} or {@code "|u1"}.
   *
   * @throws IllegalArgumentException naming the unsupported descriptor
   */
  static NpyDtype parse(String descr) {
    Matcher matcher = DESCR.matcher(descr);
    if (matcher.matches()) {
      char kind = matcher.group(2).charAt(0);
      int size = Integer.parseInt(matcher.group(3));
      boolean sizeOk = switch (kind) {
        case 'f' -> size == 4 || size == 8;
        case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
        default -> size == 1; // 'b'
      };
      // '=' is native order: NumPy writes '<' or '>' instead, but accept it as the writer's (x86) order.
      ByteOrder order = matcher.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      if (sizeOk) {
        return new NpyDtype(kind, size, order);
      }
    }
    throw new IllegalArgumentException("unsupported dtype '" + descr + "'; supported: " + SUPPORTED);
  }

  boolean isFloat() {
    return kind == 'f';
  }

  /** Reads one float element; only for float dtypes. */
  float readFloat(ByteBuffer buffer) {
    return itemSize == 4 ? buffer.getFloat() : (float) buffer.getDouble();
  }

  /**
   * Reads one integer or bool element exactly.
   *
   * @throws ArithmeticException for a uint64 beyond the range of long
   */
  long readLong(ByteBuffer buffer) {
    return switch (kind) {
      case 'b' -> buffer.get() != 0 ? 1 : 0;
      case 'i' -> switch (itemSize) {
        case 1 -> buffer.get();
        case 2 -> buffer.getShort();
        case 4 -> buffer.getInt();
        default -> buffer.getLong();
      };
      default -> switch (itemSize) {
        case 1 -> buffer.get() & 0xffL;
        case 2 -> buffer.getShort() & 0xffffL;
        case 4 -> buffer.getInt() & 0xffffffffL;
        default -> unsigned64(buffer.getLong());
      };
    };
  }

  private static long unsigned64(long bits) {
    if (bits < 0) {
      throw new ArithmeticException("uint64 value " + Long.toUnsignedString(bits) + " exceeds the range of long");
    }
    return bits;
  }
}
