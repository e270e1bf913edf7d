package pe.xofi.chat.system.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop generator of real WHAPI webhooks from many members: a new member starts every
 * {@code steps / rate} seconds and writes its script, one message every {@code gap} (after the
 * previous one was acknowledged), each delivered by {@link ProviderDelivery}. Every member has its
 * own phone, so the figures of a scenario are told apart by phone.
 */
final class WebhookLoad {

  /** Mean messages per member over the script cycle of {@link MemberScript#of}. */
  private static final double MEAN_STEPS = 39.0 / 8;

  private final LoadPlan plan;
  private final ProviderDelivery delivery;
  private final WhapiWebhooks.Media receiptFile;
  private final String phonePrefix;
  private final String idPrefix;
  private final Map<String, PostedMessage> messages = new ConcurrentHashMap<>();
  private final Set<String> phones = ConcurrentHashMap.newKeySet();
  private final Set<String> duplicated = ConcurrentHashMap.newKeySet();
  private final AtomicInteger duplicateSlots = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile Instant startedAt;
  private Thread starter;

  /** {@code phonePrefix}: 6 digits that no other load of the run uses (the phones get 5 more). */
  WebhookLoad(LoadPlan plan, ProviderDelivery delivery, WhapiWebhooks.Media receiptFile, String phonePrefix) {
    this.plan = plan;
    this.delivery = delivery;
    this.receiptFile = receiptFile;
    this.phonePrefix = phonePrefix;
    this.idPrefix = "CHAOS" + phonePrefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36).toUpperCase();
  }

  void start() {
    startedAt = Instant.now();
    long intervalNanos = (long) (MEAN_STEPS / plan.webhooksPerSecond() * 1e9);
    starter = Thread.ofPlatform().name("chaos-load-starter").start(() -> {
      long t0 = System.nanoTime();
      for (int n = 0; System.nanoTime() - t0 < plan.duration().toNanos(); n++) {
        long wait = t0 + n * intervalNanos - System.nanoTime();
        if (wait > 0) {
          ProviderDelivery.sleep(wait / 1_000_000);
        }
        int member = n;
        threads.add(Thread.ofVirtual().name("chaos-member-" + n).start(() -> runMember(member)));
      }
    });
  }

  private void runMember(int n) {
    String phone = phonePrefix + "%05d".formatted(n);
    phones.add(phone);
    List<MemberScript.Step> steps = MemberScript.of(n).steps(n);
    long start = System.nanoTime();
    for (int i = 0; i < steps.size(); i++) {
      long wait = start + i * plan.gap().toNanos() - System.nanoTime();
      if (wait > 0) {
        ProviderDelivery.sleep(wait / 1_000_000);
      }
      MemberScript.Step step = steps.get(i);
      String id = idPrefix + "." + phone.substring(phone.length() - 5) + "." + i;
      PostedMessage message = new PostedMessage(id, phone, step, WhapiWebhooks.of(id, phone, step, receiptFile));
      messages.put(id, message);
      int slot = isDuplicatedStep(step) ? duplicateSlots.getAndIncrement() : Integer.MAX_VALUE;
      if (slot < plan.duplicates().members()) {
        duplicated.add(id);
        deliverDuplicated(message, slot % 2 == 0);
      } else {
        delivery.deliver(message);
      }
    }
  }

  private static boolean isDuplicatedStep(MemberScript.Step step) {
    return step.effect() != MemberScript.Effect.NONE || step.label().equals("statement");
  }

  /** Delivers the same webhook {@code copies} times: all at once, or once now and the rest spread out. */
  private void deliverDuplicated(PostedMessage message, boolean concurrently) {
    int copies = plan.duplicates().copies();
    if (concurrently) {
      List<Thread> all = new ArrayList<>();
      for (int c = 0; c < copies; c++) {
        all.add(Thread.ofVirtual().start(() -> delivery.deliver(message)));
      }
      all.forEach(WebhookLoad::join);
      return;
    }
    delivery.deliver(message);
    long everyMillis = plan.duplicates().spread().toMillis() / Math.max(1, copies - 1);
    threads.add(Thread.ofVirtual().start(() -> {
      for (int c = 1; c < copies; c++) {
        ProviderDelivery.sleep(everyMillis);
        delivery.deliver(message);
      }
    }));
  }

  /** Waits until the load's time is over and every member (and late duplicate) is done. */
  void awaitEnd(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    join(starter);
    while (Instant.now().isBefore(deadline)) {
      if (threads.stream().noneMatch(Thread::isAlive)) {
        return;
      }
      ProviderDelivery.sleep(200);
    }
    throw new IllegalStateException("the load did not end within " + timeout);
  }

  Instant startedAt() {
    return startedAt;
  }

  Map<String, PostedMessage> messages() {
    return messages;
  }

  Set<String> phones() {
    return phones;
  }

  /** Ids of the messages delivered several times on purpose. */
  Set<String> duplicated() {
    return duplicated;
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
