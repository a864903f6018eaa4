package io.github.aelab.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;

/**
 * Two views of native memory: the number of native objects (tensors, results, buffers) that
 * JavaCPP still tracks as live, which counts every unclosed tensor exactly; and the resident set
 * size from /proc, which shows what a leak costs.
 */
final class NativeMemory {
  private NativeMemory() {}

  static long liveNativeObjects() {
    return Pointer.totalCount();
  }

  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/self/status", e);
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
