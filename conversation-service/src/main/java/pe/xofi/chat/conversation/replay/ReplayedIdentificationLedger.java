package pe.xofi.chat.conversation.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pe.xofi.chat.conversation.member.IdentificationLedger;

/**
 * The failed identifications of a replay: in memory, started empty with the replay and fed only by
 * the replayed conversation, so a replay writes no counter and decides the same way twice. A DNI
 * locked live by other numbers' failures replays unlocked, which {@code --compare} shows.
 */
final class ReplayedIdentificationLedger implements IdentificationLedger {

  private record Row(long partnerId, FailedIdentification failure) {}

  private final List<Row> rows = new ArrayList<>();

  @Override
  public List<FailedIdentification> failuresSince(long partnerId, Instant since) {
    return rows.stream()
        .filter(row -> row.partnerId() == partnerId && !row.failure().at().isBefore(since))
        .map(Row::failure)
        .sorted(Comparator.comparing(FailedIdentification::at))
        .toList();
  }

  @Override
  public void recordFailure(long partnerId, String conversationKey, String messageId, Instant at, Instant forgetBefore) {
    rows.removeIf(row -> row.partnerId() == partnerId && row.failure().at().isBefore(forgetBefore));
    boolean known =
        rows.stream().anyMatch(row -> row.partnerId() == partnerId && row.failure().isAttempt(conversationKey, messageId));
    if (!known) {
      rows.add(new Row(partnerId, new FailedIdentification(conversationKey, messageId, at)));
    }
  }

  @Override
  public void clearFailures(long partnerId, Instant upTo) {
    rows.removeIf(row -> row.partnerId() == partnerId && !row.failure().at().isAfter(upTo));
  }
}
