package pe.xofi.chat.schemas.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks a member's credentials wherever they appear in a text shown to staff: every run of exactly
 * eight digits (a DNI) becomes {@value #DNI_MASK}, and every year 1900–2099 standing within
 * {@value #YEAR_REACH} characters of such a run becomes {@value #YEAR_MASK}. One pass over the text,
 * no regular expression, so a hostile megabyte costs a few milliseconds.
 */
public final class CredentialMask {

  /** What a DNI is replaced with. */
  public static final String DNI_MASK = "********";

  /** What a birth year next to a DNI is replaced with. */
  public static final String YEAR_MASK = "****";

  /** How far (in characters) from a DNI a year is taken as its birth year. */
  public static final int YEAR_REACH = 40;

  private static final int DNI_DIGITS = 8;

  private CredentialMask() {}

  /** {@code text} with every DNI, and every year next to one, masked; null stays null. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    List<int[]> runs = digitRuns(text);
    if (runs.stream().noneMatch(run -> run[1] - run[0] == DNI_DIGITS)) {
      return text;
    }
    int[] previousDniEnd = new int[runs.size()];
    int[] nextDniStart = new int[runs.size()];
    int last = Integer.MIN_VALUE / 2;
    for (int i = 0; i < runs.size(); i++) {
      previousDniEnd[i] = last;
      if (isDni(runs.get(i))) {
        last = runs.get(i)[1];
      }
    }
    int next = Integer.MAX_VALUE / 2;
    for (int i = runs.size() - 1; i >= 0; i--) {
      nextDniStart[i] = next;
      if (isDni(runs.get(i))) {
        next = runs.get(i)[0];
      }
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int i = 0; i < runs.size(); i++) {
      int[] run = runs.get(i);
      String replacement = null;
      if (isDni(run)) {
        replacement = DNI_MASK;
      } else if (isYear(text, run)
          && (run[0] - previousDniEnd[i] <= YEAR_REACH || nextDniStart[i] - run[1] <= YEAR_REACH)) {
        replacement = YEAR_MASK;
      }
      if (replacement != null) {
        out.append(text, copied, run[0]).append(replacement);
        copied = run[1];
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** Whether {@code text} holds a DNI (a run of exactly eight digits) anywhere. */
  public static boolean containsDni(String text) {
    return text != null && digitRuns(text).stream().anyMatch(CredentialMask::isDni);
  }

  private static boolean isDni(int[] run) {
    return run[1] - run[0] == DNI_DIGITS;
  }

  private static boolean isYear(String text, int[] run) {
    if (run[1] - run[0] != 4) {
      return false;
    }
    int year = Integer.parseInt(text, run[0], run[1], 10);
    return year >= 1900 && year <= 2099;
  }

  /** The maximal runs of ASCII digits in {@code text}, as [start, end) pairs in order. */
  private static List<int[]> digitRuns(String text) {
    List<int[]> runs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean digit = i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
      if (digit && start < 0) {
        start = i;
      } else if (!digit && start >= 0) {
        runs.add(new int[] {start, i});
        start = -1;
      }
    }
    return runs;
  }
}
