package pe.xofi.chat.conversation.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.conversation.ops.ProjectionBatch.TranscriptRow;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;

/** The transcript rows of a batch in one statement, on the real PostgreSQL. */
class TranscriptStoreIT {

  private static final Instant AT = Instant.parse("2026-11-24T15:30:00Z");

  static final MemberTestDatabase database = MemberTestDatabase.createMigrated("transcript_store_it");

  private final TranscriptStore store = new TranscriptStore(database.blockingDatabase());

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void shouldWriteABatchInOneStatementWithTheIntentBeforeOrAfterItsLine() {
    // given: an intent whose line comes in the next batch, and a line whose intent does
    String key = "wa:51911100001";
    ProjectionBatch first = new ProjectionBatch();
    first.intent(key, "w1.a", "greeting");
    first.line(key, "WHATSAPP", new TranscriptLine(Direction.IN, "w1.b", null, "ayuda", null, AT.plusSeconds(10)));
    first.line(key, "WHATSAPP", new TranscriptLine(Direction.OUT, "w1.b#1", "w1.b", "Menú", null, AT.plusSeconds(10)));
    ProjectionBatch second = new ProjectionBatch();
    second.line(key, "WHATSAPP", new TranscriptLine(Direction.IN, "w1.a", null, "Hola", null, AT));
    second.line(key, "WHATSAPP", new TranscriptLine(Direction.OUT, "w1.a#1", "w1.a", "Bienvenido", null, AT));
    second.intent(key, "w1.b", "help");

    // when
    store.write(first.rows());
    store.write(second.rows());

    // then
    assertThat(store.transcript(key).block().lines())
        .isEqualTo(
            List.of(
                new TranscriptLine(Direction.IN, "w1.a", null, "Hola", "greeting", AT),
                new TranscriptLine(Direction.OUT, "w1.a#1", "w1.a", "Bienvenido", null, AT),
                new TranscriptLine(Direction.IN, "w1.b", null, "ayuda", "help", AT.plusSeconds(10)),
                new TranscriptLine(Direction.OUT, "w1.b#1", "w1.b", "Menú", null, AT.plusSeconds(10))));
  }

  @Test
  void shouldChangeNothingWhenTheSameBatchIsWrittenAgain() {
    // given
    String key = "wa:51911100002";
    ProjectionBatch batch = new ProjectionBatch();
    batch.line(key, "WHATSAPP", new TranscriptLine(Direction.IN, "w2.a", null, "Hola", null, AT));
    batch.intent(key, "w2.a", "greeting");
    batch.line(key, "WHATSAPP", new TranscriptLine(Direction.OUT, "w2.a#1", "w2.a", "Bienvenido", null, AT));
    store.write(batch.rows());

    // when
    store.write(batch.rows());

    // then
    assertThat(database.rows(
            "SELECT direction, message_id, in_reply_to, channel, text, intent FROM conversation_message"
                + " WHERE conversation_key = '" + key + "' ORDER BY id"))
        .isEqualTo(
            List.of(
                Arrays.asList("IN", "w2.a", null, "WHATSAPP", "Hola", "greeting"),
                Arrays.asList("OUT", "w2.a#1", "w2.a", "WHATSAPP", "Bienvenido", null)));
  }

  @Test
  void shouldWriteFiveHundredRowsInOneStatement() {
    // given: a full poll, every row new
    String key = "wa:51911100003";
    ProjectionBatch batch = new ProjectionBatch();
    for (int i = 0; i < OpsConfiguration.BATCH_SIZE; i++) {
      batch.line(key, "WHATSAPP", new TranscriptLine(Direction.IN, "w3." + i, null, "mensaje " + i, null, AT.plusMillis(i)));
    }

    // when
    store.write(batch.rows());

    // then
    assertThat(database.rows("SELECT count(*), min(text), count(DISTINCT message_id) FROM conversation_message"
            + " WHERE conversation_key = '" + key + "'"))
        .isEqualTo(List.of(List.of("500", "mensaje 0", "500")));
  }

  @Test
  void shouldKeepAMembersLinesWhenAnotherConversationWritesTheSameMessageIds() {
    // given: José's message and the bot's reply to it (security review H3, attack c)
    String victim = "wa:51912345678";
    String attacker = "wa:51900000301";
    ProjectionBatch victims = new ProjectionBatch();
    victims.line(victim, "WHATSAPP", new TranscriptLine(Direction.IN, "victim-1", null, "Me cobraron dos veces", null, AT));
    victims.line(victim, "WHATSAPP", new TranscriptLine(Direction.OUT, "victim-1#1", "victim-1", "Tu ticket TK-000001", null, AT));
    store.write(victims.rows());

    // when: another conversation's lines carry the same ids, in a later batch and in one batch with José's
    ProjectionBatch forged = new ProjectionBatch();
    forged.line(attacker, "WHATSAPP", new TranscriptLine(Direction.IN, "victim-1", null, "texto del atacante", null, AT.plusSeconds(5)));
    forged.intent(attacker, "victim-1", "create_ticket");
    forged.line(attacker, "WHATSAPP", new TranscriptLine(Direction.OUT, "victim-1#1", "victim-1", "Tu ticket TK-000002", null, AT.plusSeconds(5)));
    forged.intent(victim, "victim-1", "create_ticket");
    store.write(forged.rows());

    // then
    assertThat(List.of(store.transcript(victim).block().lines(), store.transcript(attacker).block().lines()))
        .isEqualTo(
            List.of(
                List.of(
                    new TranscriptLine(Direction.IN, "victim-1", null, "Me cobraron dos veces", "create_ticket", AT),
                    new TranscriptLine(Direction.OUT, "victim-1#1", "victim-1", "Tu ticket TK-000001", null, AT)),
                List.of(
                    new TranscriptLine(Direction.IN, "victim-1", null, "texto del atacante", "create_ticket", AT.plusSeconds(5)),
                    new TranscriptLine(Direction.OUT, "victim-1#1", "victim-1", "Tu ticket TK-000002", null, AT.plusSeconds(5)))));
  }
}
