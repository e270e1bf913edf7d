package pe.xofi.chat.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

  @Test
  void shouldNameTheInnermostCauseAndKeepTheOutermostMessage() {
    // given
    var failure =
        new SerializationException(
            "not a valid InboundEnvelope on inbound-messages: Unexpected character",
            new IllegalStateException("inner"));

    // when
    var reason = DeadLetterReason.of(failure, "inbound-messages", 3, 42L, "conversation-service", AT);

    // then
    assertThat(reason)
        .isEqualTo(
            new DeadLetterReason(
                "java.lang.IllegalStateException",
                "not a valid InboundEnvelope on inbound-messages: Unexpected character",
                "inbound-messages",
                3,
                42L,
                "conversation-service",
                AT));
  }

  @Test
  void shouldSkipWrappersAndFallBackToTheClassNameWithoutMessage() {
    // given
    var failure = new java.util.concurrent.CompletionException("wrapper", new NullPointerException());

    // when
    var reason = DeadLetterReason.of(failure, "media-downloads", 0, 7L, "outbound-media", AT);

    // then
    assertThat(reason.exception()).isEqualTo("java.lang.NullPointerException");
    assertThat(reason.error()).isEqualTo("NullPointerException");
  }

  @Test
  void shouldWriteEveryHeaderAndCapTheError() {
    // given
    var reason =
        new DeadLetterReason("java.lang.IllegalArgumentException", "x".repeat(5_000), "inbound-messages",
            1, 2L, "conversation-service", AT);

    // when
    var headers = reason.writeTo(new RecordHeaders());

    // then
    Map<String, String> text =
        StreamSupport.stream(headers.spliterator(), false)
            .collect(Collectors.toMap(Header::key, h -> new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(text)
        .containsOnlyKeys(
            DeadLetterHeaders.EXCEPTION, DeadLetterHeaders.ERROR, DeadLetterHeaders.SOURCE_TOPIC,
            DeadLetterHeaders.SOURCE_PARTITION, DeadLetterHeaders.SOURCE_OFFSET,
            DeadLetterHeaders.CONSUMER_GROUP, DeadLetterHeaders.DEAD_LETTERED_AT)
        .containsEntry(DeadLetterHeaders.SOURCE_TOPIC, "inbound-messages")
        .containsEntry(DeadLetterHeaders.SOURCE_PARTITION, "1")
        .containsEntry(DeadLetterHeaders.SOURCE_OFFSET, "2")
        .containsEntry(DeadLetterHeaders.DEAD_LETTERED_AT, "2026-11-24T10:15:30Z");
    assertThat(text.get(DeadLetterHeaders.ERROR)).hasSize(DeadLetterReason.MAX_ERROR_LENGTH).endsWith("…");
  }

  @Test
  void shouldGiveEveryConsumedTopicItsOwnDeadLetterTopic() {
    // when / then
    assertThat(Topics.DEAD_LETTERS)
        .allSatisfy((source, dlt) -> assertThat(dlt.name()).isEqualTo(source.name() + "-dlt"));
    assertThat(Topics.ALL).containsAll(Topics.DEAD_LETTERS.values());
    assertThat(Topics.deadLetterTopicOf("inbound-messages")).isSameAs(Topics.INBOUND_MESSAGES_DLT);
    assertThatThrownBy(() -> Topics.deadLetterTopicOf("delivery-events"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
