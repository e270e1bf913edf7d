package pe.xofi.chat.outbound.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.outbound.support.LongIds;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * The sent-reply ledger on a real PostgreSQL with the service's own migrations: keyed by
 * conversation and reply id, for ids of any length.
 */
class SentLedgerIT {

  static final Instant SENT_AT = Instant.parse("2026-11-24T15:30:00Z");

  static PostgresTestDatabase db;
  static SentLedger ledger;

  @BeforeAll
  static void migrate() {
    db = PostgresTestDatabase.create("sent_ledger_it");
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
        .schemas("outbound").table("outbound_schema_history").locations("classpath:db/outbound")
        .load().migrate();
    ConnectionFactoryOptions.Builder options =
        ConnectionFactoryOptions.parse(db.r2dbcUrl()).mutate().option(ConnectionFactoryOptions.USER, db.user());
    if (!db.password().isEmpty()) {
      options.option(ConnectionFactoryOptions.PASSWORD, db.password());
    }
    ConnectionFactory factory = ConnectionFactories.get(options.build());
    ledger = new SentLedger(DatabaseClient.create(factory), Duration.ofSeconds(10));
  }

  @AfterAll
  static void drop() {
    db.drop();
  }

  @Test
  void shouldNotTakeAReplyIdPreClaimedByAnotherConversationAsSent() {
    // given: a forged webhook from another number used the Telegram member's next update id
    // (security review H3, attack a), and its reply was sent and recorded
    ledger.record(new SentReply("tg-update-5001#1", "wa:51900000201", Provider.WHAPI, "p.attacker", SENT_AT));

    // when
    Optional<SentReply> telegramMembers = ledger.find("tg:734561289", "tg-update-5001#1");

    // then
    assertThat(telegramMembers).isEmpty();
  }

  @Test
  void shouldKeepOneRowPerConversationForTheSameReplyId() {
    // given
    SentReply attackers = new SentReply("tg-update-5002#1", "wa:51900000201", Provider.WHAPI, "p.attacker", SENT_AT);
    SentReply members = new SentReply("tg-update-5002#1", "tg:734561289", Provider.TELEGRAM, "734561289:77", SENT_AT);

    // when
    ledger.record(attackers);
    ledger.record(members);
    ledger.record(members);

    // then
    assertThat(List.of(ledger.find("wa:51900000201", "tg-update-5002#1"), ledger.find("tg:734561289", "tg-update-5002#1")))
        .isEqualTo(List.of(Optional.of(attackers), Optional.of(members)));
  }

  @Test
  void shouldRecordAndFindAReplyIdLongerThanAnIndexEntry() {
    // given: a reply id past PostgreSQL's btree limit of about 2.7 KB (security review M7), incompressible
    String longId = "p." + LongIds.randomText(10_000) + "#1";
    SentReply reply = new SentReply(longId, "wa:51900000202", Provider.WHAPI, "p.long", SENT_AT);

    // when
    ledger.record(reply);

    // then
    assertThat(ledger.find("wa:51900000202", longId)).contains(reply);
  }

  @Test
  void shouldMatchAStatusOnlyInTheConversationItNames() {
    // given: a reply sent to one member
    SentReply reply = new SentReply("p.status-1#1", "wa:51900000203", Provider.WHAPI, "p.sent-status-1", SENT_AT);
    ledger.record(reply);

    // when: a status with that provider id names another conversation, then the right one
    Optional<TrackedReply> forged = ledger.findTracked(Provider.WHAPI, "wa:51900000204", "p.sent-status-1");
    Optional<TrackedReply> genuine = ledger.findTracked(Provider.WHAPI, "wa:51900000203", "p.sent-status-1");

    // then
    assertThat(List.of(forged, genuine))
        .isEqualTo(List.of(Optional.empty(), Optional.of(new TrackedReply(reply, null, null, null))));
  }

  @Test
  void shouldMarkStatusesOnlyOnTheReplyOfItsConversation() {
    // given: the same reply id sent in two conversations
    SentReply first = new SentReply("p.status-2#1", "wa:51900000205", Provider.WHAPI, "p.sent-status-2a", SENT_AT);
    SentReply second = new SentReply("p.status-2#1", "wa:51900000206", Provider.WHAPI, "p.sent-status-2b", SENT_AT);
    ledger.record(first);
    ledger.record(second);

    // when
    ledger.markRead(first, SENT_AT.plusSeconds(5));
    ledger.markFailed(second, SENT_AT.plusSeconds(7));

    // then
    assertThat(List.of(
            ledger.findTracked(Provider.WHAPI, "wa:51900000205", "p.sent-status-2a"),
            ledger.findTracked(Provider.WHAPI, "wa:51900000206", "p.sent-status-2b")))
        .isEqualTo(List.of(
            Optional.of(new TrackedReply(first, SENT_AT.plusSeconds(5), SENT_AT.plusSeconds(5), null)),
            Optional.of(new TrackedReply(second, null, null, SENT_AT.plusSeconds(7)))));
  }
}
