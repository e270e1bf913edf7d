package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.ConversationDirectory.AgentConversation;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

class ConversationProjectionTest {

  private static final Instant AT = Instant.parse("2026-11-25T15:00:00Z");

  @Test
  void shouldProjectTheTelegramChatIdAndUsernameOfTheSender() {
    // given
    MessageOrigin origin = new MessageOrigin(
        "tg:u:900001", ConversationKey.parse("tg:734561289"), Channel.TELEGRAM, Provider.TELEGRAM, "jose_ahorros");
    ConversationState state = new ConversationState(Channel.TELEGRAM, AT, List.of("tg:u:900001"));

    // when
    AgentConversation row = ConversationProjection.of(origin, state);

    // then
    assertThat(row).isEqualTo(
        new AgentConversation("tg:734561289", Channel.TELEGRAM, null, "734561289", "jose_ahorros", null, false, "{}", AT));
  }

  @Test
  void shouldProjectNoUsernameOnWhatsApp() {
    // given
    MessageOrigin origin = new MessageOrigin(
        "wamid.X", ConversationKey.whatsapp("51955500002"), Channel.WHATSAPP, Provider.META);
    ConversationState state = new ConversationState(Channel.WHATSAPP, AT, List.of("wamid.X"));

    // when
    AgentConversation row = ConversationProjection.of(origin, state);

    // then
    assertThat(row).isEqualTo(
        new AgentConversation("wa:51955500002", Channel.WHATSAPP, "51955500002", null, null, null, false, "{}", AT));
  }
}
