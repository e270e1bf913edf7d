package pe.xofi.chat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.schemas.Topics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile WHAPI webhooks as an attacker who holds (or bypassed) the webhook secret posts them: any
 * id, caption, link and number of messages, sent with the run's secret so only the input limits and
 * the services' own checks stand between them and the pipeline.
 */
final class ForgedWebhooks {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ForgedWebhooks() {}

  /** A WHAPI text message from {@code phone} with message id {@code id}. */
  static ObjectNode text(String phone, String id, String text) {
    ObjectNode message = message(phone, id, "text");
    message.putObject("text").put("body", text);
    return message;
  }

  /** A WHAPI image message; {@code link} is left out when null. */
  static ObjectNode image(String phone, String id, String caption, String mediaId, String link) {
    ObjectNode message = message(phone, id, "image");
    ObjectNode image = message.putObject("image").put("id", mediaId).put("mime_type", "image/jpeg")
        .put("file_size", 1_000).put("caption", caption);
    if (link != null) {
      image.put("link", link);
    }
    return message;
  }

  /** The webhook body that carries {@code messages}. */
  static byte[] body(List<ObjectNode> messages) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("messages");
    messages.forEach(array::add);
    body.putObject("event").put("type", "messages").put("event", "post");
    body.put("channel_id", "ABUSE");
    return JSON.writeValueAsBytes(body);
  }

  /** Posts {@code body} to the ingress as WHAPI would, with the run's secret. */
  static HttpResponse<String> post(LocalStack stack, byte[] body) {
    try {
      return HTTP.send(StackRequests.whapiWebhook(stack, body).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every key on inbound-messages (committed), read from the beginning to the end offsets as of now. */
  static Set<String> inboundKeys(LocalStack stack) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.INBOUND_MESSAGES.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Set<String> keys = new HashSet<>();
      Instant deadline = Instant.now().plusSeconds(30);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          keys.add(record.key());
        }
      }
      return keys;
    }
  }

  private static ObjectNode message(String phone, String id, String type) {
    return JSON.createObjectNode().put("id", id).put("from_me", false).put("type", type)
        .put("chat_id", phone + "@s.whatsapp.net").put("timestamp", Instant.now().getEpochSecond())
        .put("source", "mobile").put("from", phone).put("from_name", "Socio");
  }
}
