package pe.xofi.chat.ingress.webhook.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.ingress.webhook.ProviderWebhook;
import pe.xofi.chat.ingress.webhook.WebhookRejection.NotAWebhook;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.status.ProviderStatus;

class MetaWebhookSplitterTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");
  private final MetaWebhookSplitter splitter = new MetaWebhookSplitter();

  @Test
  void shouldSplitEveryMessageOfEveryEntryWithItsContactName() {
    // given
    var webhook = Json.MAPPER.readTree(MetaPayloads.TWO_ENTRIES_THREE_MESSAGES);

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new ProviderWebhook.Batch(
                List.of(
                    envelope("ABGGFlA5Fpa", "16315551181", "Kerry Fisher", 1504902988, MetaPayloads.TEXT_MESSAGE),
                    envelope("wamid.IMG1", "51987654321", "María", 1736953200, MetaPayloads.IMAGE_MESSAGE),
                    envelope("wamid.BTN1", "51987654321", "María", 1736953260, MetaPayloads.BUTTON_REPLY_MESSAGE)),
                List.of(),
                List.of()));
  }

  @Test
  void shouldRouteStatusesToProviderStatuses() {
    // given
    var webhook = Json.MAPPER.readTree(MetaPayloads.STATUS_WEBHOOK);

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new ProviderWebhook.Batch(
                List.of(),
                List.of(
                    new ProviderStatus(
                        Provider.META,
                        "wa:51987654321",
                        "wamid.SENT1",
                        "delivered",
                        RECEIVED,
                        Instant.ofEpochSecond(1736953300),
                        Json.MAPPER.readTree(MetaPayloads.SENT_STATUS))),
                List.of()));
  }

  @Test
  void shouldAcknowledgeAChangeOfAnotherFieldWithoutRecords() {
    // given
    var webhook = Json.MAPPER.readTree(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
            + "[{\"value\":{\"event\":\"THROUGHPUT_UPGRADE\"},\"field\":\"phone_number_quality_update\"}]}]}");

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result).isEqualTo(new ProviderWebhook.Unhandled("meta.phone_number_quality_update"));
  }

  @Test
  void shouldRefuseAMessageWithoutSender() {
    // given
    var webhook = Json.MAPPER.readTree(MetaPayloads.webhook(
        MetaPayloads.value("", "{\"id\":\"wamid.X\",\"type\":\"text\",\"text\":{\"body\":\"hola\"}}")));

    // when / then
    assertThatThrownBy(() -> splitter.split(webhook, RECEIVED))
        .isInstanceOf(NotAWebhook.class)
        .hasMessage("not a webhook: value.messages[wamid.X] has no from");
  }

  private static InboundEnvelope envelope(String id, String from, String name, long timestamp, String raw) {
    return new InboundEnvelope(
        id,
        Channel.WHATSAPP,
        Provider.META,
        "wa:" + from,
        new Sender(from, name),
        RECEIVED,
        Instant.ofEpochSecond(timestamp),
        Json.MAPPER.readTree(raw));
  }
}
