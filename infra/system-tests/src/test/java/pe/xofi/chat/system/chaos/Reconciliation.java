package pe.xofi.chat.system.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, per inbound message id, what a scenario's load caused: transitions, replies on the topic,
 * replies at the sandbox, tickets and receipts; lost = an acknowledged message without one of them,
 * duplicated = any count above one.
 */
final class Reconciliation {

  private static final int MAX_PROBLEMS = 20;

  private Reconciliation() {}

  /** What the scenario's timeline was: load start and end, fault start and end (null without fault). */
  record Timeline(Instant loadStart, Instant loadEnd, Instant faultStart, Instant faultEnd, Duration restart) {}

  static ScenarioResult reconcile(
      int number, String title, String faults, LoadPlan plan, WebhookLoad load, ProviderDelivery delivery,
      PipelineRecords records, Map<String, List<String>> outbox, Map<String, Integer> ticketRows,
      Map<String, Integer> receiptRows, Timeline timeline) {
    List<String> problems = new ArrayList<>();
    Collection<PostedMessage> messages = load.messages().values();
    Set<String> phonesWithGaps = new HashSet<>();
    messages.stream().filter(m -> !m.isAcknowledged()).forEach(m -> phonesWithGaps.add(m.phone()));

    int lostTransitions = 0;
    int dupTransitions = 0;
    int lostTopicReplies = 0;
    int handled = 0;
    int lostTickets = 0;
    int lostReceipts = 0;
    for (PostedMessage m : messages) {
      int transitions = records.handled.getOrDefault(m.id(), 0);
      if (transitions > 0) {
        handled++;
      }
      if (m.isAcknowledged() && transitions == 0) {
        lostTransitions++;
        problem(problems, "acknowledged " + m.id() + " (" + m.step().label() + ") has no MESSAGE_HANDLED");
      }
      if (transitions > 1) {
        dupTransitions++;
        problem(problems, m.id() + " handled " + transitions + " times");
      }
      for (String replyId : records.expectedReplyIds(m.id())) {
        if (!records.replyRecords.containsKey(replyId)) {
          lostTopicReplies++;
          problem(problems, "reply " + replyId + " announced but not on outbound-messages");
        }
      }
      // a ticket or receipt is expected only when every message of the member got through
      boolean expected = m.isAcknowledged() && !phonesWithGaps.contains(m.phone());
      if (expected && m.step().effect() == MemberScript.Effect.TICKET && ticketRows.getOrDefault(m.id(), 0) == 0) {
        lostTickets++;
        problem(problems, "no ticket for " + m.id());
      }
      if (expected && m.step().effect() == MemberScript.Effect.RECEIPT && receiptRows.getOrDefault(m.id(), 0) == 0) {
        lostReceipts++;
        problem(problems, "no receipt for " + m.id());
      }
    }
    int dupTopicReplies = (int) records.replyRecords.values().stream().filter(c -> c > 1).count();
    records.replyRecords.forEach((id, c) -> {
      if (c > 1) {
        problem(problems, "reply " + id + " on outbound-messages " + c + " times");
      }
    });
    int dupTickets = overOne(ticketRows) + overOne(records.ticketEvents);
    int dupReceipts = overOne(receiptRows) + overOne(records.receiptEvents);

    int lostAtSandbox = 0;
    int sandboxDuplicates = 0;
    int orderViolations = 0;
    int repliesAtSandbox = 0;
    for (String phone : load.phones()) {
      List<String> produced = records.repliesByKey.getOrDefault("wa:" + phone, List.of()).stream()
          .map(PipelineRecords.Reply::body).toList();
      List<String> received = outbox.getOrDefault(phone, List.of());
      repliesAtSandbox += received.size();
      Map<String, Integer> balance = new HashMap<>();
      produced.forEach(body -> balance.merge(body, 1, Integer::sum));
      received.forEach(body -> balance.merge(body, -1, Integer::sum));
      for (Map.Entry<String, Integer> e : balance.entrySet()) {
        if (e.getValue() > 0) {
          lostAtSandbox += e.getValue();
          problem(problems, "wa:…" + phone.substring(phone.length() - 5) + " never received " + e.getValue() + " × " + abbreviated(e.getKey()));
        } else if (e.getValue() < 0) {
          sandboxDuplicates -= e.getValue();
          problem(problems, "wa:…" + phone.substring(phone.length() - 5) + " received " + (-e.getValue()) + " extra × " + abbreviated(e.getKey()));
        }
      }
      if (!isSubsequence(produced, received)) {
        orderViolations++;
        problem(problems, "wa:…" + phone.substring(phone.length() - 5) + " received its replies out of order");
      }
    }

    long posts = messages.stream().mapToLong(PostedMessage::posts).sum();
    int acknowledged = (int) messages.stream().filter(PostedMessage::isAcknowledged).count();
    int givenUp = (int) messages.stream().filter(PostedMessage::isGivenUp).count();
    long startingSeconds = Math.max(1, plan.duration().toSeconds());
    long firstDeliveriesWhileStarting = messages.stream()
        .filter(m -> m.firstPostedAt() != null && m.firstPostedAt().isBefore(timeline.loadStart().plus(plan.duration())))
        .count();
    ScenarioResult.Load loadFigures = new ScenarioResult.Load(
        plan.webhooksPerSecond(), round1((double) firstDeliveriesWhileStarting / startingSeconds),
        plan.duration().toSeconds(), load.phones().size(), messages.size(), posts,
        delivery.answers(), acknowledged, givenUp, load.duplicated().size());
    ScenarioResult.Counts counts = new ScenarioResult.Counts(
        handled, records.duplicatesDropped.values().stream().mapToInt(Integer::intValue).sum(),
        records.replyRecords.size(), repliesAtSandbox, ticketRows.size(), receiptRows.size(), records.givenUp.size());
    return new ScenarioResult(
        number, title, faults, loadFigures, counts,
        new ScenarioResult.Lost(lostTransitions, lostTopicReplies, lostAtSandbox, lostTickets, lostReceipts),
        new ScenarioResult.Duplicated(dupTransitions, dupTopicReplies, sandboxDuplicates, dupTickets, dupReceipts, orderViolations),
        recovery(load, records, timeline), List.copyOf(problems));
  }

  private static ScenarioResult.Recovery recovery(WebhookLoad load, PipelineRecords records, Timeline timeline) {
    if (timeline.faultStart() == null) {
      return new ScenarioResult.Recovery(null, null, null, null, null);
    }
    Instant faultEnd = timeline.faultEnd();
    Instant firstReply = null;
    Instant lastBacklogReply = null;
    for (PostedMessage m : load.messages().values()) {
      if (m.firstPostedAt() == null) {
        continue;
      }
      for (String replyId : records.expectedReplyIds(m.id())) {
        Instant sent = records.firstSent.get(replyId);
        if (sent == null) {
          continue;
        }
        if (!m.firstPostedAt().isBefore(timeline.faultStart()) && sent.isAfter(faultEnd)
            && (firstReply == null || sent.isBefore(firstReply))) {
          firstReply = sent;
        }
        if (m.firstPostedAt().isBefore(faultEnd) && (lastBacklogReply == null || sent.isAfter(lastBacklogReply))) {
          lastBacklogReply = sent;
        }
      }
    }
    return new ScenarioResult.Recovery(
        seconds(timeline.loadStart(), timeline.faultStart()),
        seconds(timeline.loadStart(), faultEnd),
        timeline.restart() == null ? null : round1(timeline.restart().toMillis() / 1000.0),
        firstReply == null ? null : seconds(faultEnd, firstReply),
        lastBacklogReply == null ? null : Math.max(0, seconds(faultEnd, lastBacklogReply)));
  }

  /** Whether {@code produced} appears in {@code received} in its order (extra copies allowed between). */
  static boolean isSubsequence(List<String> produced, List<String> received) {
    int i = 0;
    for (String body : received) {
      if (i < produced.size() && produced.get(i).equals(body)) {
        i++;
      }
    }
    return i == produced.size();
  }

  private static int overOne(Map<String, Integer> counts) {
    return (int) counts.values().stream().filter(c -> c > 1).count();
  }

  private static void problem(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }

  private static String abbreviated(String text) {
    if (text == null) {
      return "[cifrado]";
    }
    String line = text.replace('\n', ' ');
    return "\"" + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "\"";
  }

  private static double seconds(Instant from, Instant to) {
    return round1(Duration.between(from, to).toMillis() / 1000.0);
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
