package pe.xofi.chat.system.chaos;

import java.time.Duration;
import java.time.Instant;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.ManagedProcess;
import pe.xofi.chat.localstack.ServiceModule;

/** Something that goes wrong during a scenario's load, and how it is put right. */
sealed interface Fault {

  /** When the fault ended (the process launched again, the provider healthy again) and how long a restart took. */
  record Healed(Instant faultEnd, Duration restart) {}

  /** What the report says was done. */
  String description(Duration hold);

  void inject(LocalStack stack, SandboxApi sandbox);

  Healed heal(LocalStack stack, SandboxApi sandbox);

  /** {@code kill -9} of a service; healed by starting it again on the same ports and state. */
  record KillService(ServiceModule module) implements Fault {
    @Override
    public String description(Duration hold) {
      return "kill -9 " + module.artifact() + ", restarted " + hold.toSeconds() + " s later";
    }

    @Override
    public void inject(LocalStack stack, SandboxApi sandbox) {
      stack.kill(module);
    }

    @Override
    public Healed heal(LocalStack stack, SandboxApi sandbox) {
      Instant end = Instant.now();
      stack.restart(module, Duration.ofSeconds(180));
      return new Healed(end, Duration.between(end, Instant.now()));
    }
  }

  /** The broker stopped (controlled shutdown) and started again; the services are left to recover by themselves. */
  record StopBroker() implements Fault {
    @Override
    public String description(Duration hold) {
      return "broker stopped for " + hold.toSeconds() + " s, then started; services not touched";
    }

    @Override
    public void inject(LocalStack stack, SandboxApi sandbox) {
      stack.stopBroker();
    }

    @Override
    public Healed heal(LocalStack stack, SandboxApi sandbox) {
      Instant end = Instant.now();
      stack.restartBroker();
      // recovered = every service ready again without being restarted
      for (ServiceModule module : ServiceModule.values()) {
        stack.service(module).awaitReady(() -> ManagedProcess.answers200(module.healthUrl(stack.config())), Duration.ofSeconds(300));
      }
      return new Healed(end, Duration.between(end, Instant.now()));
    }
  }

  /** The member database's PostgreSQL (a private cluster) stopped and started again. */
  record StopPostgres(PrivatePostgres postgres) implements Fault {
    @Override
    public String description(Duration hold) {
      return "PostgreSQL stopped for " + hold.toSeconds() + " s (fast shutdown), then started";
    }

    @Override
    public void inject(LocalStack stack, SandboxApi sandbox) {
      postgres.stop();
    }

    @Override
    public Healed heal(LocalStack stack, SandboxApi sandbox) {
      Instant end = Instant.now();
      postgres.start();
      return new Healed(end, Duration.between(end, Instant.now()));
    }
  }

  /**
   * A provider outage (every send answered {@code outageStatus} while the fault is held), then a 429
   * storm: the provider accepts only {@code stormRate} sends per second for {@code storm}.
   */
  record ProviderStorm(int outageStatus, int stormRate, Duration storm) implements Fault {
    @Override
    public String description(Duration hold) {
      return "provider outage (every send " + outageStatus + ") for " + hold.toSeconds() + " s, then a 429 storm ("
          + stormRate + " sends/s accepted, the rest 429) for " + storm.toSeconds() + " s";
    }

    @Override
    public void inject(LocalStack stack, SandboxApi sandbox) {
      sandbox.faults("{\"forSeconds\":3600,\"status\":" + outageStatus + "}");
    }

    @Override
    public Healed heal(LocalStack stack, SandboxApi sandbox) {
      sandbox.faults("{\"rateLimit\":" + stormRate + "}");
      ProviderDelivery.sleep(storm.toMillis());
      String report = sandbox.faultReport();
      sandbox.clearFaults();
      System.out.println("[chaos] 429 storm: " + report);
      return new Healed(Instant.now(), null);
    }
  }
}
