package pe.xofi.chat.system.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.postgresql.ds.PGSimpleDataSource;
import pe.xofi.chat.localstack.DatabaseTarget;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.StackSecrets;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.JdbcMemberKeyStore;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.RecordSealer;

/**
 * Runs a scenario on a running stack: starts the load, injects the fault mid-load, heals it, lets
 * the load finish, waits until the pipeline has drained (every acknowledged message handled and
 * every produced reply at the sandbox, or a time limit) and reconciles.
 */
final class ChaosRunner {

  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(4);
  private static final String RUN_TAG = "%02d".formatted((System.currentTimeMillis() / 1000) % 100);

  private final LocalStack stack;
  private final Set<String> phones = java.util.concurrent.ConcurrentHashMap.newKeySet();

  ChaosRunner(LocalStack stack) {
    this.stack = stack;
  }

  ScenarioResult run(ChaosScenario scenario) {
    log("scenario " + scenario.number() + ": " + scenario.title() + " — " + scenario.faultDescription());
    SandboxApi sandbox = new SandboxApi(stack.config().sandboxUrl());
    WhapiWebhooks.Media photo = sandbox.uploadReceiptPhoto();
    String bootstrap = stack.config().bootstrapServers();
    Map<TopicPartition, Long> from = PipelineRecords.endOffsets(bootstrap);
    ProviderDelivery delivery = new ProviderDelivery(
        stack.config().ingressUrl(), stack.secrets().get(StackSecrets.WHATSAPP_WEBHOOK_SECRET), GIVE_UP_AFTER);
    WebhookLoad load = new WebhookLoad(scenario.load(), delivery, photo, "518" + scenario.number() + RUN_TAG);

    load.start();
    Instant loadStart = load.startedAt();
    Instant faultStart = null;
    Fault.Healed healed = null;
    if (scenario.fault() != null) {
      sleepUntil(loadStart.plus(scenario.faultAfter()));
      faultStart = Instant.now();
      log("injecting: " + scenario.faultDescription());
      scenario.fault().inject(stack, sandbox);
      sleepUntil(faultStart.plus(scenario.hold()));
      healed = scenario.fault().heal(stack, sandbox);
      log("healed" + (healed.restart() == null ? "" : " (back in " + healed.restart().toMillis() + " ms)"));
    }
    load.awaitEnd(Duration.ofMinutes(10));
    Instant loadEnd = Instant.now();
    phones.addAll(load.phones());
    log("load over: " + load.messages().size() + " messages from " + load.phones().size() + " members, answers " + delivery.answers());

    PipelineRecords records = awaitDrained(load, sandbox, from);
    ProviderDelivery.sleep(3_000); // anything late (a duplicate send) shows up now
    records = read(load, from);
    Map<String, List<String>> outbox = sandbox.outbox(load.phones());
    Set<String> ids = load.messages().keySet();
    ScenarioResult result = Reconciliation.reconcile(
        scenario.number(), scenario.title(), scenario.faultDescription(), scenario.load(), load, delivery, records, outbox,
        MemberRows.tickets(stack, ids), MemberRows.receipts(stack, ids),
        new Reconciliation.Timeline(loadStart, loadEnd, faultStart, healed == null ? null : healed.faultEnd(),
            healed == null ? null : healed.restart()));
    log("scenario " + scenario.number() + " reconciled: lost " + result.lost() + ", duplicated " + result.duplicated()
        + (result.problems().isEmpty() ? "" : "\n  " + String.join("\n  ", result.problems())));
    return result;
  }

  /** Every phone the runner's loads wrote from (for the log scan). */
  Set<String> phones() {
    return Set.copyOf(phones);
  }

  private PipelineRecords awaitDrained(WebhookLoad load, SandboxApi sandbox, Map<TopicPartition, Long> from) {
    Instant deadline = Instant.now().plus(DRAIN_LIMIT);
    Instant started = Instant.now();
    while (true) {
      PipelineRecords records = read(load, from);
      Map<String, List<String>> outbox = sandbox.outbox(load.phones());
      long unhandled = load.messages().values().stream()
          .filter(m -> m.isAcknowledged() && !records.isHandled(m.id())).count();
      long undelivered = load.phones().stream()
          .mapToLong(p -> Math.max(0, records.repliesByKey.getOrDefault("wa:" + p, List.of()).size()
              - outbox.getOrDefault(p, List.of()).size()))
          .sum();
      if (unhandled == 0 && undelivered == 0) {
        log("drained " + Duration.between(started, Instant.now()).toMillis() + " ms after the load ended");
        return records;
      }
      if (Instant.now().isAfter(deadline)) {
        log("not drained after " + DRAIN_LIMIT + ": " + unhandled + " messages unhandled, " + undelivered + " replies not at the sandbox");
        return records;
      }
      ProviderDelivery.sleep(2_000);
    }
  }

  private PipelineRecords read(WebhookLoad load, Map<TopicPartition, Long> from) {
    Set<String> keys = load.phones().stream().map(p -> "wa:" + p).collect(Collectors.toSet());
    return PipelineRecords.read(stack.config().bootstrapServers(), from, keys, opener());
  }

  /** Opens sealed replies as an authorised operator: the run's key set and the stack's database. */
  private EnvelopeSealer opener() {
    String keyset = stack.secrets().get(StackSecrets.DATA_KEYSET);
    DatabaseTarget db = stack.config().database();
    if (keyset == null || keyset.isBlank() || db == null) {
      return EnvelopeSealer.clear();
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.jdbcUrl(db.database()));
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    return new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(keyset), new JdbcMemberKeyStore(dataSource))));
  }

  private static void sleepUntil(Instant at) {
    long millis = Duration.between(Instant.now(), at).toMillis();
    if (millis > 0) {
      ProviderDelivery.sleep(millis);
    }
  }

  static void log(String line) {
    System.out.println("[chaos " + java.time.LocalTime.now().withNano(0) + "] " + line);
  }
}
