package pe.xofi.chat.conversation.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.JsonSerde;
import pe.xofi.chat.schemas.inbound.Channel;

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
            "{\"channel\":\"WHATSAPP\",\"lastActivityAt\":\"2026-11-24T10:15:30.123Z\",\"recentMessageIds\":[\"m1\",\"m2\"]}");
  }
}
