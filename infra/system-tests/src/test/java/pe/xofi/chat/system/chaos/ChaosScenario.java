package pe.xofi.chat.system.chaos;

import java.time.Duration;

/**
 * One scenario: a load, and a fault injected {@code faultAfter} into it and held for {@code hold}
 * (null fault: the load alone, e.g. the duplicated webhooks of scenario 7).
 */
record ChaosScenario(int number, String title, LoadPlan load, Fault fault, Duration faultAfter, Duration hold) {

  String faultDescription() {
    if (fault == null) {
      Duration spread = load.duplicates().spread();
      return load.duplicates().members() + " messages delivered " + load.duplicates().copies()
          + "×: half at once, half spread over " + spread.toSeconds() + " s";
    }
    return fault.description(hold);
  }
}
