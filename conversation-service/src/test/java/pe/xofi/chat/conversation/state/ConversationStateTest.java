package pe.xofi.chat.conversation.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.JsonSerde;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;

class ConversationStateTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");

  @Test
  void shouldForgetTheOldestIdOnceItRemembersSixtyFour() {
    // given
    ConversationState state = ConversationState.start(Channel.WHATSAPP);
    for (int i = 1; i <= ConversationState.RECENT_MESSAGE_IDS; i++) {
      state = state.afterHandling("m" + i, NOW);
    }

    // when
    ConversationState next = state.afterHandling("m65", NOW.plusSeconds(1));

    // then
    assertThat(next)
        .isEqualTo(
            new ConversationState(
                Channel.WHATSAPP,
                NOW.plusSeconds(1),
                IntStream.rangeClosed(2, 65).mapToObj(i -> "m" + i).toList()));
    assertThat(next.hasHandled("m1")).isFalse();
    assertThat(next.hasHandled("m2")).isTrue();
  }

  @Test
  void shouldSurviveTheStoreSerdeUnchanged() {
    // given
    ConversationState state = new ConversationState(Channel.WHATSAPP, NOW, List.of("m1", "m2"));
    JsonSerde<ConversationState> serde = new JsonSerde<>(ConversationState.class);

    // when
    byte[] bytes = serde.serialize("conversations", state);
    ConversationState read = serde.deserialize("conversations", bytes);

    // then
    assertThat(read).isEqualTo(state);
    assertThat(Json.MAPPER.readTree(bytes).toString())
        .isEqualTo(
            "{\"channel\":\"WHATSAPP\",\"lastActivityAt\":\"2026-11-24T10:15:30.123Z\",\"recentMessageIds\":[\"m1\",\"m2\"],"
                + "\"partnerId\":null,\"authenticatedAt\":null,\"failedAuthAttempts\":[],\"lockedUntil\":null,\"pendingForm\":null}");
  }

  @Test
  void shouldKeepSessionLockAndAPendingReceiptWithItsFileThroughTheStoreSerde() {
    // given
    ConversationState state =
        new ConversationState(
            Channel.WHATSAPP,
            NOW,
            List.of("m1"),
            1L,
            NOW.minusSeconds(300),
            List.of(NOW.minusSeconds(600)),
            NOW.minusSeconds(60),
            new PendingForm.UploadReceipt(
                PendingForm.ReceiptStep.DATE,
                new BigDecimal("1250.50"),
                null,
                new MediaFile(Provider.WHAPI, "pdf-1", null, "application/pdf", 120331L, "boleta.pdf")));
    JsonSerde<ConversationState> serde = new JsonSerde<>(ConversationState.class);

    // when
    ConversationState read = serde.deserialize("conversations", serde.serialize("conversations", state));

    // then
    assertThat(read).isEqualTo(state);
  }

  @Test
  void shouldKeepATicketFormThroughTheStoreSerdeTaggedWithItsKind() {
    // given
    ConversationState state =
        new ConversationState(Channel.WHATSAPP, NOW, List.of("m1"))
            .withSession(1L, NOW)
            .withForm(new PendingForm.CreateTicket(PendingForm.TicketStep.DESCRIPTION, "Problema con pago"));
    JsonSerde<ConversationState> serde = new JsonSerde<>(ConversationState.class);

    // when
    byte[] bytes = serde.serialize("conversations", state);

    // then
    assertThat(serde.deserialize("conversations", bytes)).isEqualTo(state);
    assertThat(Json.MAPPER.readTree(bytes).get("pendingForm").toString())
        .isEqualTo("{\"form\":\"create_ticket\",\"step\":\"DESCRIPTION\",\"subject\":\"Problema con pago\"}");
  }

  @Test
  void shouldKeepNoDniOrBirthYearInTheChangelogWhenAMemberTypesThemAsATicketSubject() {
    // given: the attack of security review M8, credentials typed where the bot asks for a subject
    ConversationState state =
        new ConversationState(Channel.WHATSAPP, NOW, List.of("m1"))
            .withSession(1L, NOW)
            .withForm(new PendingForm.CreateTicket(PendingForm.TicketStep.DESCRIPTION, "mi DNI 12345678 año 1990 no entra"));
    JsonSerde<ConversationState> serde = new JsonSerde<>(ConversationState.class);

    // when
    byte[] bytes = serde.serialize("conversations", state);

    // then
    assertThat(Json.MAPPER.readTree(bytes).get("pendingForm").toString())
        .isEqualTo("{\"form\":\"create_ticket\",\"step\":\"DESCRIPTION\",\"subject\":\"mi DNI ******** año **** no entra\"}");
  }

  @Test
  void shouldReadTheStateWrittenBeforeSessionsAndFormsExisted() {
    // given
    byte[] old =
        "{\"channel\":\"WHATSAPP\",\"lastActivityAt\":\"2026-11-24T10:15:30.123Z\",\"recentMessageIds\":[\"m1\"]}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // when
    ConversationState read = new JsonSerde<>(ConversationState.class).deserialize("conversations", old);

    // then
    assertThat(read).isEqualTo(new ConversationState(Channel.WHATSAPP, NOW, List.of("m1")));
  }
}
