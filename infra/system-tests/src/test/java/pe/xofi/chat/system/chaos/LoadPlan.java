package pe.xofi.chat.system.chaos;

import java.time.Duration;

/**
 * The steady load of a scenario.
 *
 * @param webhooksPerSecond the offered rate (open loop: members start on a clock, not on replies)
 * @param duration          how long new members keep starting
 * @param gap               time between two messages of one member (each waits for the previous one's 200)
 * @param duplicates        members whose webhook is delivered several times (scenario 7), or {@link Duplicates#NONE}
 */
record LoadPlan(double webhooksPerSecond, Duration duration, Duration gap, Duplicates duplicates) {

  /**
   * Members whose ticket, receipt or statement message is delivered {@code copies} times: half of them
   * all at once, the other half once and then again spread evenly over {@code spread}.
   */
  record Duplicates(int members, int copies, Duration spread) {
    static final Duplicates NONE = new Duplicates(0, 1, Duration.ZERO);
  }

  LoadPlan withDuplicates(Duplicates duplicates) {
    return new LoadPlan(webhooksPerSecond, duration, gap, duplicates);
  }
}
