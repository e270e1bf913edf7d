package pe.xofi.chat.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.outbound.OutboundContent;

class RecordRoundTripTest {

  static Stream<Arguments> valuesByTopic() {
    Stream<Arguments> outbound =
        Examples.contents().stream()
            .flatMap(
                c ->
                    Stream.of(
                        Arguments.of(Topics.OUTBOUND_MESSAGES, Examples.outbound(c)),
                        Arguments.of(Topics.OUTBOUND_MESSAGES_DLT, Examples.outbound(c))));
    return Stream.concat(
        Stream.of(
            Arguments.of(Topics.INBOUND_MESSAGES, Examples.inbound()),
            Arguments.of(Topics.INBOUND_MESSAGES_DLT, Examples.inbound()),
            Arguments.of(Topics.INBOUND_MESSAGES, Examples.sealedInbound()),
            Arguments.of(Topics.INBOUND_MESSAGES_DLT, Examples.sealedInbound()),
            Arguments.of(Topics.OUTBOUND_MESSAGES, Examples.sealedOutbound()),
            Arguments.of(Topics.OUTBOUND_MESSAGES_DLT, Examples.sealedOutbound()),
            Arguments.of(Topics.PROVIDER_STATUSES, Examples.status()),
            Arguments.of(Topics.PROVIDER_STATUSES_DLT, Examples.status()),
            Arguments.of(Topics.DELIVERY_EVENTS, Examples.delivery()),
            Arguments.of(Topics.MEDIA_DOWNLOADS, Examples.media()),
            Arguments.of(Topics.MEDIA_DOWNLOADS_DLT, Examples.media()),
            Arguments.of(Topics.CONVERSATION_EVENTS, Examples.event()),
            Arguments.of(Topics.CONVERSATION_EVENTS, Examples.authenticated()),
            Arguments.of(Topics.CONVERSATION_EVENTS_DLT, Examples.event()),
            Arguments.of(Topics.AUDIT_EVENTS, Examples.audit())),
        outbound);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesByTopic")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void shouldReadBackEveryValueItWrites(Topic topic, Object value) {
    // given
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);

    // when
    Object read = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);

    // then
    assertThat(read).isEqualTo(value);
  }

  @Test
  void shouldWriteContentWithItsTypeName() {
    // given
    var message = Examples.outbound(new OutboundContent.Text("Hola"));

    // when
    String json =
        new String(
            Topics.OUTBOUND_MESSAGES.valueSerde().serializer().serialize("t", message),
            StandardCharsets.UTF_8);

    // then
    assertThat(json)
        .isEqualTo(
            "{\"id\":\"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs#1\",\"channel\":\"WHATSAPP\","
                + "\"provider\":\"WHAPI\",\"conversationKey\":\"wa:51902376744\","
                + "\"recipient\":\"51902376744\",\"content\":{\"type\":\"text\",\"body\":\"Hola\"},"
                + "\"inReplyTo\":\"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs\","
                + "\"createdAt\":\"2026-11-24T10:15:30.123Z\"}");
  }

  @Test
  void shouldReadAnEventOfAnOlderProducerWithoutSnapshot() {
    // given: a MESSAGE_HANDLED fact written before the snapshot field existed
    byte[] older =
        ("{\"id\":\"w.1/MESSAGE_HANDLED\",\"conversationKey\":\"wa:51902376744\",\"type\":\"MESSAGE_HANDLED\","
                + "\"sourceMessageId\":\"w.1\",\"intent\":\"greeting\",\"at\":\"2026-11-24T10:15:30.123Z\","
                + "\"handlingMicros\":412,\"attributes\":{\"replies\":\"1\"}}")
            .getBytes(StandardCharsets.UTF_8);

    // when
    ConversationEvent read = Topics.CONVERSATION_EVENTS.valueSerde().deserializer().deserialize("t", older);

    // then
    assertThat(read)
        .isEqualTo(
            new ConversationEvent(
                "w.1/MESSAGE_HANDLED",
                "wa:51902376744",
                ConversationEventType.MESSAGE_HANDLED,
                "w.1",
                "greeting",
                Examples.RECEIVED,
                412,
                Map.of("replies", "1"),
                null));
  }

  @Test
  void shouldFailWithTheTypeNameWhenAValueIsNotJson() {
    // given
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(
            () -> Topics.INBOUND_MESSAGES.valueSerde().deserializer().deserialize("t", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("not a valid InboundEnvelope on t: ");
  }

  @Test
  void shouldWriteAnAuditRecordWithEveryField() {
    // when
    String json = new String(Topics.AUDIT_EVENTS.valueSerde().serializer().serialize("t", Examples.audit()), StandardCharsets.UTF_8);

    // then
    assertThat(json).isEqualTo(
        "{\"id\":\"5f0c6a52-8d5e-4f0e-9d1b-2c7a4e3b9f10\",\"occurredAt\":\"2026-11-24T10:15:30.123Z\",\"actor\":\"ana\","
            + "\"actorRoles\":[\"operator\"],\"action\":\"TRANSCRIPT_VIEWED\",\"conversationKey\":\"wa:51902376744\","
            + "\"outcome\":\"FOUND\"}");
  }

  @Test
  void shouldReturnNullForTombstones() {
    assertThat(Topics.INBOUND_MESSAGES.valueSerde().deserializer().deserialize("t", null)).isNull();
    assertThat(Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t", null)).isNull();
  }
}
