package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

class ConversationProjectionTest {

  private static final Instant AT = Instant.parse("2026-11-25T15:00:00Z");

  @Test
  void shouldProjectTheTelegramUsernameOfTheSender() {
    // given
    MessageOrigin origin = new MessageOrigin(
        "tg:u:900001", ConversationKey.parse("tg:734561289"), Channel.TELEGRAM, Provider.TELEGRAM, "jose_ahorros");
    ConversationState state = new ConversationState(Channel.TELEGRAM, AT, List.of("tg:u:900001"));

    // when
    ConversationSnapshot snapshot = ConversationProjection.of(origin, state);

    // then
    assertThat(snapshot).isEqualTo(new ConversationSnapshot(null, false, "jose_ahorros", Map.of()));
  }

  @Test
  void shouldProjectNoUsernameOnWhatsApp() {
    // given
    MessageOrigin origin = new MessageOrigin(
        "wamid.X", ConversationKey.whatsapp("51955500002"), Channel.WHATSAPP, Provider.META, "ignored");
    ConversationState state = new ConversationState(Channel.WHATSAPP, AT, List.of("wamid.X"));

    // when
    ConversationSnapshot snapshot = ConversationProjection.of(origin, state);

    // then
    assertThat(snapshot).isEqualTo(new ConversationSnapshot(null, false, null, Map.of()));
  }

  @Test
  void shouldProjectTheSessionAndTheReceiptFormAnsweredSoFar() {
    // given: a member with a session, whose receipt waits for its date
    MessageOrigin origin = new MessageOrigin("wamid.Y", ConversationKey.whatsapp("51987654321"), Channel.WHATSAPP, Provider.WHAPI);
    MediaFile file = new MediaFile(Provider.WHAPI, "jpeg-1", null, "image/jpeg", 84_512L, null);
    ConversationState state =
        new ConversationState(Channel.WHATSAPP, AT, List.of("wamid.Y"))
            .withSession(1L, AT)
            .withForm(new PendingForm.UploadReceipt(PendingForm.ReceiptStep.DATE, new BigDecimal("500.00"), null, file));

    // when
    ConversationSnapshot snapshot = ConversationProjection.of(origin, state);

    // then
    assertThat(snapshot)
        .isEqualTo(
            new ConversationSnapshot(
                1L, true, null,
                Map.of("pending_action", "upload_receipt", "step", "date", "amount", "500.00", "media_id", "jpeg-1")));
  }
}
