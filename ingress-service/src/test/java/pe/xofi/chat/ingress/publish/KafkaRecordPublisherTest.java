package pe.xofi.chat.ingress.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.status.ProviderStatus;
import reactor.core.scheduler.Schedulers;

class KafkaRecordPublisherTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  private static final InboundEnvelope HOLA =
      new InboundEnvelope(
          "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
          Channel.WHATSAPP,
          Provider.WHAPI,
          "wa:51902376744",
          new Sender("51902376744", "Usuario"),
          RECEIVED,
          Instant.ofEpochSecond(1762876458),
          Json.MAPPER.readTree("{\"id\":\"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs\",\"text\":{\"body\":\"Hola\"}}"));

  private static final ProviderStatus READ =
      new ProviderStatus(
          Provider.WHAPI,
          "wa:51902376744",
          "out-1",
          "read",
          RECEIVED,
          Instant.ofEpochSecond(1762876500),
          Json.MAPPER.readTree("{\"id\":\"out-1\",\"status\":\"read\"}"));

  /** A record as it went over the wire, read back with the registry's serdes. */
  record Sent(String topic, String key, Map<String, String> headers, Object value) {}

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void shouldSendEveryRecordInOrderStampedAndSerializedWithTheRegistrySerdes() {
    // given
    MockProducer<byte[], byte[]> producer = producer(true);
    RecordPublisher publisher = publisher(producer, Duration.ofSeconds(5));

    // when
    publisher
        .publishAll(
            List.of(
                new PendingRecord<>(Topics.INBOUND_MESSAGES, "wa:51902376744", HOLA),
                new PendingRecord<>(Topics.PROVIDER_STATUSES, "wa:51902376744", READ)),
            "trace-1")
        .block();

    // then
    Map<String, String> headers = Map.of("xofi-trace-id", "trace-1", "xofi-schema-version", "1");
    assertThat(producer.history().stream().map(KafkaRecordPublisherTest::read).toList())
        .isEqualTo(
            List.of(
                new Sent("inbound-messages", "wa:51902376744", headers, HOLA),
                new Sent("provider-statuses", "wa:51902376744", headers, READ)));
    assertThat(meters.get("xofi.ingress.records.published").tag("topic", "inbound-messages")
            .counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldFailWhenKafkaDoesNotAcknowledgeWithinTheTimeout() {
    // given a broker that never answers
    MockProducer<byte[], byte[]> producer = producer(false);
    RecordPublisher publisher = publisher(producer, Duration.ofMillis(200));

    // when / then
    assertThatThrownBy(
            () ->
                publisher
                    .publishAll(
                        List.of(new PendingRecord<>(Topics.INBOUND_MESSAGES, "wa:51902376744", HOLA)),
                        "trace-2")
                    .block())
        .isInstanceOf(PublishFailedException.class)
        .hasMessage("Kafka did not acknowledge within 200 ms");
    assertThat(meters.get("xofi.ingress.publish.latency").tag("outcome", "timeout").timer().count())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseAWebhookWithARecordOverTheProducersLimitBeforeSendingAnyOfItsRecords() {
    // given: security review M7, the second record is over max.request.size
    MockProducer<byte[], byte[]> producer = producer(true);
    KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    RecordPublisher publisher = new KafkaRecordPublisher(
        template, Schedulers.boundedElastic(), Duration.ofSeconds(5), new IngressMetrics(meters), 2_000);
    InboundEnvelope large = new InboundEnvelope("m-large", Channel.WHATSAPP, Provider.WHAPI, "wa:51902376744",
        new Sender("51902376744", "Usuario"), RECEIVED, null,
        Json.MAPPER.readTree("{\"id\":\"m-large\",\"preview\":\"" + "A".repeat(2_000) + "\"}"));

    // when / then
    assertThatThrownBy(
            () ->
                publisher
                    .publishAll(
                        List.of(
                            new PendingRecord<>(Topics.INBOUND_MESSAGES, "wa:51902376744", HOLA),
                            new PendingRecord<>(Topics.INBOUND_MESSAGES, "wa:51902376744", large)),
                        "trace-4")
                    .block())
        .isInstanceOf(RecordTooLargeException.class)
        .hasMessageStartingWith("a record of ")
        .hasMessageEndingWith(" bytes on inbound-messages, over the 2000 bytes Kafka accepts");
    assertThat(producer.history()).isEmpty();
    assertThat(meters.get("xofi.ingress.publish.latency").tag("outcome", "too_large").timer().count())
        .isEqualTo(1);
  }

  @Test
  void shouldReportARecordTheBrokerRefusesAsTooLargeAsPermanent() {
    // given: a topic whose max.message.bytes is below the producer's limit
    MockProducer<byte[], byte[]> producer = producer(false);
    RecordPublisher publisher = publisher(producer, Duration.ofSeconds(5));

    // when
    var answer = publisher
        .publishAll(List.of(new PendingRecord<>(Topics.INBOUND_MESSAGES, "wa:51902376744", HOLA)), "trace-5")
        .toFuture();
    await().until(() -> !producer.history().isEmpty());
    producer.errorNext(new org.apache.kafka.common.errors.RecordTooLargeException("over max.message.bytes"));

    // then
    assertThatThrownBy(answer::join).hasCauseInstanceOf(RecordTooLargeException.class);
  }

  @Test
  void shouldReadTheProducersLimitFromItsConfiguration() {
    // when
    List<Integer> limits = List.of(
        PublishConfiguration.maxRecordBytes(Map.of()),
        PublishConfiguration.maxRecordBytes(Map.of("max.request.size", "2097152")),
        PublishConfiguration.maxRecordBytes(Map.of("max.request.size", 4_000_000, "buffer.memory", 3_000_000L)));

    // then
    assertThat(limits).isEqualTo(List.of(1_048_576, 2_097_152, 3_000_000));
  }

  @Test
  void shouldCompleteAtOnceWhenThereIsNothingToPublish() {
    // given
    MockProducer<byte[], byte[]> producer = producer(false);

    // when
    publisher(producer, Duration.ofMillis(200)).publishAll(List.of(), "trace-3").block();

    // then
    assertThat(producer.history()).isEmpty();
  }

  private RecordPublisher publisher(MockProducer<byte[], byte[]> producer, Duration timeout) {
    KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    return new KafkaRecordPublisher(
        template, Schedulers.boundedElastic(), timeout, new IngressMetrics(meters));
  }

  // KafkaTemplate closes a factory's producer after each send (the real factory hands out a
  // close-safe shared one), so the mock ignores close to live as long as the real one does
  private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer()) {
      @Override
      public void close(Duration timeout) {}
    };
  }

  private static Sent read(ProducerRecord<byte[], byte[]> record) {
    Topic<String, ?> topic =
        Topics.ALL.stream().filter(t -> t.name().equals(record.topic())).findFirst().orElseThrow();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return new Sent(
        record.topic(),
        topic.keySerde().deserializer().deserialize(record.topic(), record.key()),
        headers,
        topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
  }
}
