package pe.xofi.chat.system.chaos;

import java.time.Duration;
import pe.xofi.chat.localstack.ServiceModule;

/**
 * The seven scenarios of the chaos suite, in a full form ({@code ./xofi chaos}: a minute or more
 * of load, faults of 20 s) and a short form for CI (a few seconds of load).
 */
final class ChaosScenarios {

  /** Sizes of one form of the suite. */
  record Form(LoadPlan load, Duration faultAfter, Duration killHold, Duration outageHold, Duration storm,
      int duplicatedMembers, Duration duplicateSpread) {}

  /** {@code ./xofi chaos}: 25 webhooks/s for 75 s, faults after 20 s, outages of 20 s. */
  static final Form FULL = new Form(
      new LoadPlan(25, Duration.ofSeconds(75), Duration.ofMillis(1500), LoadPlan.Duplicates.NONE),
      Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(15),
      20, Duration.ofMinutes(2));

  /** CI ({@code ./xofi test}): 15 webhooks/s for 8 s, the fault after 3 s. */
  static final Form SHORT = new Form(
      new LoadPlan(15, Duration.ofSeconds(8), Duration.ofMillis(1000), LoadPlan.Duplicates.NONE),
      Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5),
      6, Duration.ofSeconds(6));

  /** How many replies a killed outbound-service may send twice: one per consumer thread in flight. */
  static final int OUTBOUND_KILL_DUPLICATE_BOUND = 12;

  private ChaosScenarios() {}

  static ChaosScenario conversationKilled(Form form) {
    return new ChaosScenario(1, "kill -9 conversation-service", form.load(),
        new Fault.KillService(ServiceModule.CONVERSATION), form.faultAfter(), form.killHold());
  }

  static ChaosScenario outboundKilled(Form form) {
    return new ChaosScenario(2, "kill -9 outbound-service", form.load(),
        new Fault.KillService(ServiceModule.OUTBOUND), form.faultAfter(), form.killHold());
  }

  static ChaosScenario ingressKilled(Form form) {
    return new ChaosScenario(3, "kill -9 ingress-service", form.load(),
        new Fault.KillService(ServiceModule.INGRESS), form.faultAfter(), form.killHold());
  }

  static ChaosScenario brokerStopped(Form form) {
    return new ChaosScenario(4, "broker stopped", form.load(), new Fault.StopBroker(), form.faultAfter(), form.outageHold());
  }

  static ChaosScenario postgresStopped(Form form, PrivatePostgres postgres) {
    return new ChaosScenario(5, "PostgreSQL stopped", form.load(), new Fault.StopPostgres(postgres),
        form.faultAfter(), form.outageHold());
  }

  static ChaosScenario providerStorm(Form form) {
    return new ChaosScenario(6, "provider outage and 429 storm", form.load(),
        new Fault.ProviderStorm(503, 4, form.storm()), form.faultAfter(), form.outageHold());
  }

  static ChaosScenario duplicatedWebhooks(Form form) {
    return new ChaosScenario(7, "the same webhook 10×",
        form.load().withDuplicates(new LoadPlan.Duplicates(form.duplicatedMembers(), 10, form.duplicateSpread())),
        null, Duration.ZERO, Duration.ZERO);
  }
}
