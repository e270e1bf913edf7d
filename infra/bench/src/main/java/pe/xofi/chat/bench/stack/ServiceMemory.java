package pe.xofi.chat.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Resident memory of a process from {@code /proc/<pid>/status}: {@code VmHWM} (the peak) and
 * {@code VmRSS} (now). The peak can be reset ({@code clear_refs} 5) so it covers one run only.
 */
public final class ServiceMemory {

  private ServiceMemory() {}

  /** Resets the peak RSS of {@code pid} to its current RSS; false when the kernel refuses. */
  public static boolean resetPeak(long pid) {
    try {
      Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Peak RSS of {@code pid} in KiB, or -1 when unknown. */
  public static long peakKib(long pid) {
    return field(pid).getOrDefault("VmHWM", -1L);
  }

  /** Current RSS of {@code pid} in KiB, or -1 when unknown. */
  public static long rssKib(long pid) {
    return field(pid).getOrDefault("VmRSS", -1L);
  }

  /** CPU time (user + system) of {@code pid} in seconds, from {@code /proc/<pid>/stat}. */
  public static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static Map<String, Long> field(long pid) {
    Map<String, Long> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
          values.put(line.substring(0, 5), Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | RuntimeException e) {
      return values;
    }
    return values;
  }
}
