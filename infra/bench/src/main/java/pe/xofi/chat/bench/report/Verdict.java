package pe.xofi.chat.bench.report;

/** Whether a figure met its goal. */
public enum Verdict {
  PASS, FAIL, INFO, SKIPPED;

  public static Verdict of(boolean met) {
    return met ? PASS : FAIL;
  }
}
