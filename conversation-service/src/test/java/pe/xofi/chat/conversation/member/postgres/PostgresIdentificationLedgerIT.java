package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.IdentificationLedger.FailedIdentification;
import pe.xofi.chat.conversation.member.MemberTestDatabase;

/**
 * Failed identifications on a real PostgreSQL: one row per attempt whatever how often it is recorded,
 * read per member since an instant, pruned and cleared per member only, no DNI or year stored.
 */
class PostgresIdentificationLedgerIT {

  private static final Instant NOW = Instant.parse("2026-11-24T15:30:00Z");
  private static final Instant HORIZON = NOW.minus(Duration.ofDays(2));

  static MemberTestDatabase db;
  static long maria;
  static long jose;
  static PostgresIdentificationLedger ledger;

  @BeforeAll
  static void migrate() {
    db = MemberTestDatabase.createMigrated("identification_ledger_it");
    maria = db.insertPartner("SOC-0201", "22223333");
    jose = db.insertPartner("SOC-0202", "33334444");
    ledger = new PostgresIdentificationLedger(db.blockingDatabase());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.execute("TRUNCATE identification_failure");
  }

  @Test
  void shouldCountAnAttemptRecordedTwiceOnceAndReadTheMembersFailuresOldestFirst() {
    // given
    ledger.recordFailure(maria, "wa:51900000102", "wamid.2", NOW.minusSeconds(10), HORIZON);
    ledger.recordFailure(maria, "wa:51900000101", "wamid.1", NOW.minusSeconds(20), HORIZON);
    ledger.recordFailure(maria, "wa:51900000101", "wamid.1", NOW.minusSeconds(20), HORIZON);
    ledger.recordFailure(jose, "tg:700100200", "41", NOW.minusSeconds(5), HORIZON);

    // when
    List<FailedIdentification> failures = ledger.failuresSince(maria, NOW.minus(Duration.ofHours(1)));

    // then
    assertThat(failures)
        .isEqualTo(
            List.of(
                new FailedIdentification("wa:51900000101", "wamid.1", NOW.minusSeconds(20)),
                new FailedIdentification("wa:51900000102", "wamid.2", NOW.minusSeconds(10))));
    assertThat(db.rows("SELECT count(*) FROM identification_failure")).isEqualTo(List.of(List.of("3")));
  }

  @Test
  void shouldTellTheSameMessageIdInAnotherConversationApart() {
    // given two conversations whose providers gave their messages the same id
    ledger.recordFailure(maria, "wa:51900000101", "1", NOW.minusSeconds(20), HORIZON);
    ledger.recordFailure(maria, "tg:700100200", "1", NOW.minusSeconds(10), HORIZON);

    // when
    List<FailedIdentification> failures = ledger.failuresSince(maria, HORIZON);

    // then
    assertThat(failures)
        .isEqualTo(
            List.of(
                new FailedIdentification("wa:51900000101", "1", NOW.minusSeconds(20)),
                new FailedIdentification("tg:700100200", "1", NOW.minusSeconds(10))));
  }

  @Test
  void shouldReadOnlyFailuresAtOrAfterTheInstantGiven() {
    // given
    ledger.recordFailure(maria, "wa:51900000101", "wamid.old", NOW.minus(Duration.ofHours(25)), HORIZON);
    ledger.recordFailure(maria, "wa:51900000101", "wamid.edge", NOW.minus(Duration.ofHours(24)), HORIZON);

    // when
    List<FailedIdentification> failures = ledger.failuresSince(maria, NOW.minus(Duration.ofHours(24)));

    // then
    assertThat(failures)
        .isEqualTo(List.of(new FailedIdentification("wa:51900000101", "wamid.edge", NOW.minus(Duration.ofHours(24)))));
  }

  @Test
  void shouldForgetTheMembersFailuresBeforeTheHorizonWhenRecordingANewOne() {
    // given
    ledger.recordFailure(maria, "wa:51900000101", "wamid.stale", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(5)));
    ledger.recordFailure(jose, "wa:51900000101", "wamid.jose", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(5)));

    // when
    ledger.recordFailure(maria, "wa:51900000101", "wamid.new", NOW, HORIZON);

    // then
    assertThat(db.rows("SELECT partner_id, message_id FROM identification_failure ORDER BY failed_at, message_id"))
        .isEqualTo(
            List.of(
                List.of(String.valueOf(jose), "wamid.jose"),
                List.of(String.valueOf(maria), "wamid.new")));
  }

  @Test
  void shouldClearOnlyTheIdentifiedMembersFailuresUpToTheSuccess() {
    // given
    ledger.recordFailure(maria, "wa:51900000101", "wamid.m1", NOW.minusSeconds(30), HORIZON);
    ledger.recordFailure(jose, "wa:51900000101", "wamid.j1", NOW.minusSeconds(20), HORIZON);
    ledger.recordFailure(maria, "wa:51900000102", "wamid.later", NOW.plusSeconds(5), HORIZON);

    // when
    ledger.clearFailures(maria, NOW);

    // then
    assertThat(db.rows("SELECT partner_id, conversation_key, message_id FROM identification_failure ORDER BY failed_at"))
        .isEqualTo(
            List.of(
                List.of(String.valueOf(jose), "wa:51900000101", "wamid.j1"),
                List.of(String.valueOf(maria), "wa:51900000102", "wamid.later")));
  }

  @Test
  void shouldStoreNeitherADniNorABirthYear() {
    // given
    ledger.recordFailure(maria, "wa:51900000101", "wamid.1", NOW, HORIZON);

    // when
    List<List<String>> columns =
        db.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'identification_failure' ORDER BY ordinal_position");

    // then
    assertThat(columns)
        .isEqualTo(List.of(List.of("partner_id"), List.of("conversation_key"), List.of("message_id"), List.of("failed_at")));
  }
}
