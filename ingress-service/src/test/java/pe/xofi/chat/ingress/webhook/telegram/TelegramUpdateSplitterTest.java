package pe.xofi.chat.ingress.webhook.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.ingress.webhook.ProviderWebhook;
import pe.xofi.chat.ingress.webhook.SkipReason;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;

class TelegramUpdateSplitterTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");
  private final TelegramUpdateSplitter splitter = new TelegramUpdateSplitter();

  @Test
  void shouldKeyAPrivateMessageByItsChatIdAndNameItAfterTheUpdateId() {
    // given
    var update = Json.MAPPER.readTree(TelegramPayloads.TEXT_UPDATE);

    // when
    ProviderWebhook result = splitter.split(update, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new ProviderWebhook.Batch(
                List.of(
                    new InboundEnvelope(
                        "tg-update-873451201",
                        Channel.TELEGRAM,
                        Provider.TELEGRAM,
                        "tg:734561289",
                        new Sender("734561289", "María Quispe"),
                        RECEIVED,
                        Instant.ofEpochSecond(1736953200),
                        update)),
                List.of(),
                List.of()));
  }

  @Test
  void shouldCarryTheCallbackQueryIdOfAButtonTapInTheMessageId() {
    // given
    var update = Json.MAPPER.readTree(TelegramPayloads.CALLBACK_UPDATE);

    // when
    ProviderWebhook result = splitter.split(update, RECEIVED);

    // then
    assertThat(((ProviderWebhook.Batch) result).messages().stream().map(InboundEnvelope::messageId).toList())
        .isEqualTo(List.of("tg-update-873451203.cb.4382bfdwdsb323b2d9"));
    assertThat(((ProviderWebhook.Batch) result).messages().getFirst().conversationKey()).isEqualTo("tg:734561289");
  }

  @Test
  void shouldSkipGroupChats() {
    // given
    var update = Json.MAPPER.readTree(TelegramPayloads.GROUP_UPDATE);

    // when
    ProviderWebhook result = splitter.split(update, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(new ProviderWebhook.Batch(List.of(), List.of(),
            List.of(new ProviderWebhook.Skipped("tg-update-873451202", SkipReason.GROUP_CHAT))));
  }

  @Test
  void shouldAcknowledgeOtherUpdateKinds() {
    // given
    var update = Json.MAPPER.readTree(TelegramPayloads.EDITED_UPDATE);

    // when
    ProviderWebhook result = splitter.split(update, RECEIVED);

    // then
    assertThat(result).isEqualTo(new ProviderWebhook.Unhandled("telegram.edited_message"));
  }
}
