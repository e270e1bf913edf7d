package pe.xofi.chat.outbound.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import tools.jackson.databind.JsonNode;

/**
 * A backlog of replies: {@code members} members with {@code perMember} numbered replies each
 * ("Respuesta 1 de 10", ...), written at once, and what the sandbox received of them.
 *
 * @param replies every reply, by member phone, in the order written
 */
public record Backlog(Map<String, List<OutboundMessage>> replies) {

  /** Writes the backlog to {@code outbound-messages} with one producer, as fast as the broker takes it. */
  public static Backlog produce(int members, int perMember) {
    Map<String, List<OutboundMessage>> replies = new LinkedHashMap<>();
    for (int m = 0; m < members; m++) {
      String phone = Replies.uniquePhone();
      String inboundId = "p.backlog-" + UUID.randomUUID();
      List<OutboundMessage> ofMember = new ArrayList<>();
      for (int n = 1; n <= perMember; n++) {
        ofMember.add(new OutboundMessage(OutboundMessage.replyId(inboundId, n), Channel.WHATSAPP, Provider.WHAPI,
            ConversationKey.whatsapp(phone).toString(), phone,
            new OutboundContent.Text("Respuesta " + n + " de " + perMember), inboundId, Replies.CREATED_AT));
      }
      replies.put(phone, ofMember);
    }
    Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, OutboundMessage> producer = new KafkaProducer<>(settings,
        Topics.OUTBOUND_MESSAGES.keySerde().serializer(), Topics.OUTBOUND_MESSAGES.valueSerde().serializer())) {
      // one member's replies in order, members interleaved, as the engine writes them
      for (int n = 0; n < perMember; n++) {
        for (List<OutboundMessage> ofMember : replies.values()) {
          OutboundMessage reply = ofMember.get(n);
          ProducerRecord<String, OutboundMessage> record =
              new ProducerRecord<>(Topics.OUTBOUND_MESSAGES.name(), reply.conversationKey(), reply);
          XofiHeaders.stamp(record.headers(), Topics.OUTBOUND_MESSAGES, "trace-backlog");
          producer.send(record);
        }
      }
      producer.flush();
    }
    return new Backlog(replies);
  }

  public int size() {
    return replies.values().stream().mapToInt(List::size).sum();
  }

  /** Every member's texts as written, for comparison with {@link #received}. */
  public Map<String, List<String>> expected() {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    replies.forEach((phone, list) -> texts.put(phone, list.stream().map(r -> r.content().fallbackText()).toList()));
    return texts;
  }

  /** Every member's texts as the sandbox received them, in arrival order, duplicates included. */
  public Map<String, List<String>> received(InProcessSandbox sandbox) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (String phone : replies.keySet()) {
      List<String> bodies = new ArrayList<>();
      for (JsonNode sent : sandbox.outbox(phone)) {
        bodies.add(sent.get("body").asString());
      }
      texts.put(phone, bodies);
    }
    return texts;
  }

  /** How many sends the sandbox holds for these members in all. */
  public int receivedCount(InProcessSandbox sandbox) {
    return received(sandbox).values().stream().mapToInt(List::size).sum();
  }

  /** Waits until the sandbox holds at least every reply of the backlog. */
  public void awaitReceived(InProcessSandbox sandbox, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> receivedCount(sandbox) >= size());
  }
}
