package pe.xofi.chat.outbound.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/** Replies as the conversation engine writes them, and the waits an IT needs around them. */
public final class Replies {

  /** The engine's "now" of every test reply. */
  public static final Instant CREATED_AT = Instant.parse("2025-01-15T15:00:00Z");

  private Replies() {}

  /** A Peruvian mobile number no other test uses. */
  public static String uniquePhone() {
    return "519" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
  }

  public static OutboundMessage text(String phone, String body) {
    // ids are WHAPI message ids, never derived from the phone, so log lines may show them
    String inboundId = "p.it-" + UUID.randomUUID();
    return new OutboundMessage(OutboundMessage.replyId(inboundId, 1), Channel.WHATSAPP, Provider.WHAPI,
        ConversationKey.whatsapp(phone).toString(), phone, new OutboundContent.Text(body), inboundId, CREATED_AT);
  }

  /** Writes {@code reply} on {@code outbound-messages} as the engine does, with {@code traceId}. */
  public static void produce(OutboundMessage reply, String traceId) {
    produce(Topics.OUTBOUND_MESSAGES, reply.conversationKey(), reply, traceId);
  }

  /** Writes {@code value} on a registry topic as the engine does, with {@code traceId}. */
  public static <V> void produce(Topic<String, V> topic, String key, V value, String traceId) {
    Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
    try (KafkaProducer<String, V> producer = new KafkaProducer<>(settings,
        topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      ProducerRecord<String, V> record = new ProducerRecord<>(topic.name(), key, value);
      XofiHeaders.stamp(record.headers(), topic, traceId);
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not produce the test record", e);
    }
  }

  /**
   * Waits until the service's consumer group owns every partition of {@code outbound-messages} and
   * has committed its starting offsets, so a reply produced afterwards is consumed.
   */
  public static void awaitListenerReady(String groupId) {
    awaitListenerReady(groupId, Topics.OUTBOUND_MESSAGES);
  }

  /** The same for any registry topic, e.g. {@code media-downloads} and the media group. */
  public static void awaitListenerReady(String groupId, Topic<String, ?> topic) {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
    try (Admin admin = Admin.create(settings)) {
      await().atMost(KafkaTestBroker.patience()).until(() -> admin
          .listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().keySet().stream()
          .filter(tp -> tp.topic().equals(topic.name()))
          .count() == Topics.DEFAULT_PARTITIONS);
    }
  }

  /** A local port nothing listens on, for an unreachable provider. */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
