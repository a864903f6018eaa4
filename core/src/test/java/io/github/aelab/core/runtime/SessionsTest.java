package io.github.aelab.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions;

class SessionsTest {

  @Test
  void cpuSettingsBecomeTheSessionConfiguration() {
    ConfigProto config = Sessions.config(new RuntimeSettings(Device.CPU, 2, 1, true, false));
    assertThat(config.getIntraOpParallelismThreads()).isEqualTo(2);
    assertThat(config.getInterOpParallelismThreads()).isEqualTo(1);
    assertThat(config.getDeviceCountMap()).containsEntry("GPU", 0);
    assertThat(config.getGraphOptions().getOptimizerOptions().getGlobalJitLevel())
        .isEqualTo(OptimizerOptions.GlobalJitLevel.ON_1);
  }

  @Test
  void deterministicForcesOneThreadPerPool() {
    ConfigProto config = Sessions.config(new RuntimeSettings(Device.CPU, 8, 8, false, true));
    assertThat(config.getIntraOpParallelismThreads()).isEqualTo(1);
    assertThat(config.getInterOpParallelismThreads()).isEqualTo(1);
  }

  /** On a machine without a usable GPU (CI, the CPU build), asking for one is a clear error and auto falls back. */
  @Test
  void askingForAnAbsentGpuSaysWhy() {
    assumeFalse(Sessions.gpuUsable(), "this machine has a usable GPU");
    assertThat(Sessions.gpuProblem()).isNotBlank();
    assertThatThrownBy(() -> Sessions.resolve(Device.GPU))
        .hasMessageContaining("device 'gpu' was requested but no GPU is usable")
        .hasMessageContaining("-Pgpu");
    assertThat(Sessions.resolve(Device.AUTO)).isEqualTo(Device.CPU);
  }

  @Test
  void settingsRejectNegativeThreadCounts() {
    assertThatThrownBy(() -> new RuntimeSettings(Device.CPU, -1, 0, false, false))
        .hasMessage("intra_op_threads must be >= 0, found -1");
  }
}
