package pe.xofi.chat.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.RecordPublisher;
import pe.xofi.chat.ingress.publish.RecordTooLargeException;
import pe.xofi.chat.ingress.publish.RecordingPublisher;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import reactor.core.publisher.Mono;

class WebhookIntakeTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecordingPublisher publisher = new RecordingPublisher();

  @Test
  void shouldRefuseAWebhookOfMoreItemsThanTheConfiguredMostCountingSkippedOnes() {
    // given
    WebhookIntake intake = new WebhookIntake(publisher, new IngressMetrics(meters), 2);
    ProviderWebhook.Batch batch = new ProviderWebhook.Batch(
        List.of(envelope("m-1"), envelope("m-2")), List.of(), List.of(new ProviderWebhook.Skipped("m-3", SkipReason.FROM_ME)));

    // when / then
    assertThatThrownBy(() -> intake.accept(Provider.WHAPI, batch, "trace-1").block())
        .isInstanceOf(WebhookRejection.TooManyMessages.class)
        .hasMessage("webhook carries 3 messages and statuses; at most 2 are accepted");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldAnswerARecordTooLargeForKafkaAs413NotAsAnOutage() {
    // given: security review M7, a record over the producer's max.request.size
    RecordPublisher tooLarge = (records, traceId) -> Mono.error(new RecordTooLargeException(
        "a record of 1200000 bytes on inbound-messages, over the 1048576 bytes Kafka accepts", null));
    WebhookIntake intake = new WebhookIntake(tooLarge, new IngressMetrics(meters), 100);
    ProviderWebhook.Batch batch = new ProviderWebhook.Batch(List.of(envelope("m-1")), List.of(), List.of());

    // when / then
    assertThatThrownBy(() -> intake.accept(Provider.WHAPI, batch, "trace-2").block())
        .isInstanceOf(WebhookRejection.RecordTooLarge.class)
        .hasMessage("a message of the webhook is too large to publish: a record of 1200000 bytes on inbound-messages,"
            + " over the 1048576 bytes Kafka accepts")
        .extracting(e -> ((WebhookRejection) e).status().value())
        .isEqualTo(413);
  }

  @Test
  void shouldRefuseWith422AWebhookWithNothingToPublishAndARefusedItem() {
    // given
    WebhookIntake intake = new WebhookIntake(publisher, new IngressMetrics(meters), 100);
    ProviderWebhook.Batch batch = new ProviderWebhook.Batch(List.of(), List.of(), List.of(
        new ProviderWebhook.Skipped("m-1", SkipReason.LINK_TOO_LONG),
        new ProviderWebhook.Skipped("m-2", SkipReason.FROM_ME),
        new ProviderWebhook.Skipped("m-3", SkipReason.ID_TOO_LONG),
        new ProviderWebhook.Skipped("m-4", SkipReason.LINK_TOO_LONG)));

    // when / then
    assertThatThrownBy(() -> intake.accept(Provider.WHAPI, batch, "trace-3").block())
        .isInstanceOf(WebhookRejection.EveryItemRefused.class)
        .hasMessage("every message of the webhook is refused: 2 with a media link over 2048 characters, 1 with an id"
            + " over its cap (message and status ids 128 characters, media, button, sender and callback ids 256)");
  }

  @Test
  void shouldAcknowledgeAWebhookWhoseItemsAreAllDeliberatelyLeftOut() {
    // given
    WebhookIntake intake = new WebhookIntake(publisher, new IngressMetrics(meters), 100);
    ProviderWebhook.Batch batch = new ProviderWebhook.Batch(
        List.of(), List.of(), List.of(new ProviderWebhook.Skipped("m-1", SkipReason.FROM_ME)));

    // when
    WebhookAccepted accepted = intake.accept(Provider.WHAPI, batch, "trace-4").block();

    // then
    assertThat(accepted).isEqualTo(WebhookAccepted.of(0, 0));
  }

  @Test
  void shouldCountEveryCutFieldByProviderAndField() {
    // given
    WebhookIntake intake = new WebhookIntake(publisher, new IngressMetrics(meters), 100);
    ProviderWebhook.Batch batch = new ProviderWebhook.Batch(
        List.of(envelope("m-1"), envelope("m-2")), List.of(), List.of(), List.of("text.body", "from_name", "text.body"));

    // when
    intake.accept(Provider.WHAPI, batch, "trace-5").block();

    // then
    assertThat(List.of(
            meters.get("xofi.ingress.fields.cut").tags("provider", "whapi", "field", "text.body").counter().count(),
            meters.get("xofi.ingress.fields.cut").tags("provider", "whapi", "field", "from_name").counter().count()))
        .isEqualTo(List.of(2.0, 1.0));
  }

  private static InboundEnvelope envelope(String id) {
    return new InboundEnvelope(id, Channel.WHATSAPP, Provider.WHAPI, "wa:51902376744",
        new Sender("51902376744", "Usuario"), RECEIVED, null, Json.MAPPER.readTree("{\"id\":\"" + id + "\"}"));
  }
}
