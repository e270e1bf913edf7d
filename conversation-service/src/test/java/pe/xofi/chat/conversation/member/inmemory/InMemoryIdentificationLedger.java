package pe.xofi.chat.conversation.member.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pe.xofi.chat.conversation.member.IdentificationLedger;

/** {@link IdentificationLedger} in memory, with the same idempotency as the PostgreSQL table. */
public final class InMemoryIdentificationLedger implements IdentificationLedger {

  /** One stored failure of a member. */
  public record Row(long partnerId, FailedIdentification failure) {}

  private final List<Row> rows = new ArrayList<>();

  /** Every stored failure, in the order recorded. */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  @Override
  public synchronized List<FailedIdentification> failuresSince(long partnerId, Instant since) {
    return rows.stream()
        .filter(row -> row.partnerId() == partnerId && !row.failure().at().isBefore(since))
        .map(Row::failure)
        .sorted(Comparator.comparing(FailedIdentification::at))
        .toList();
  }

  @Override
  public synchronized void recordFailure(
      long partnerId, String conversationKey, String messageId, Instant at, Instant forgetBefore) {
    rows.removeIf(row -> row.partnerId() == partnerId && row.failure().at().isBefore(forgetBefore));
    boolean known =
        rows.stream().anyMatch(row -> row.partnerId() == partnerId && row.failure().isAttempt(conversationKey, messageId));
    if (!known) {
      rows.add(new Row(partnerId, new FailedIdentification(conversationKey, messageId, at)));
    }
  }

  @Override
  public synchronized void clearFailures(long partnerId, Instant upTo) {
    rows.removeIf(row -> row.partnerId() == partnerId && !row.failure().at().isAfter(upTo));
  }
}
