package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import picocli.CommandLine;

/** {@code ./xofi dlt list} and {@code ./xofi dlt redrive} against a real broker. */
class DltCommandIT {

  private static final String VALUE = "{\"id\":\"p.dlt-it#1\",\"channel\":\"WHATSAPP\",\"provider\":\"WHAPI\","
      + "\"conversationKey\":\"wa:51987654321\",\"recipient\":\"51987654321\","
      + "\"content\":{\"type\":\"text\",\"body\":\"Hola\"},\"inReplyTo\":\"p.dlt-it\",\"createdAt\":\"2025-01-15T15:00:00Z\"}";

  @Test
  void shouldListThenRedriveDeadLettersOnceWithARedriveHeader() throws Exception {
    // given
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    String servers = KafkaTestBroker.bootstrapServers();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(), new StringSerializer())) {
      ProducerRecord<String, String> dead =
          new ProducerRecord<>(Topics.OUTBOUND_MESSAGES_DLT.name(), "wa:51987654321", VALUE);
      dead.headers().add(DeadLetterHeaders.ERROR, "WHAPI answered 400".getBytes(StandardCharsets.UTF_8));
      dead.headers().add(DeadLetterHeaders.STATUS_CODE, "400".getBytes(StandardCharsets.UTF_8));
      dead.headers().add(DeadLetterHeaders.ATTEMPTS, "1".getBytes(StandardCharsets.UTF_8));
      dead.headers().add("xofi-trace-id", "trace-dlt".getBytes(StandardCharsets.UTF_8));
      producer.send(dead).get();
      // one non-JSON inbound record, dead-lettered by the engine and by the transcript projector
      for (String group : List.of("conversation-service", "conversation-transcripts")) {
        ProducerRecord<String, String> poison =
            new ProducerRecord<>(Topics.INBOUND_MESSAGES_DLT.name(), "wa:51912345678", "not json");
        poison.headers().add(DeadLetterHeaders.EXCEPTION, "tools.jackson.core.exc.StreamReadException".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(DeadLetterHeaders.ERROR, "not a valid InboundEnvelope".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(DeadLetterHeaders.SOURCE_TOPIC, "inbound-messages".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(DeadLetterHeaders.SOURCE_PARTITION, "4".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(DeadLetterHeaders.SOURCE_OFFSET, "17".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(DeadLetterHeaders.CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        producer.send(poison).get();
      }
    }
    // when
    String listed = run("dlt", "list", "--bootstrap-servers", servers);
    String first = run("dlt", "redrive", "--bootstrap-servers", servers);
    String second = run("dlt", "redrive", "--bootstrap-servers", servers);
    // then
    assertThat(listed).contains("p.dlt-it#1").contains("wa:*******4321").contains("WHAPI answered 400")
        .contains("inbound-messages-dlt").contains("StreamReadException").contains("conversation-transcripts")
        .doesNotContain("51987654321").doesNotContain("51912345678").contains("3 record(s)");
    assertThat(first.lines().toList()).isEqualTo(List.of(
        "redrove 1 record(s) from inbound-messages-dlt to inbound-messages",
        "redrove 0 record(s) from provider-statuses-dlt to provider-statuses",
        "redrove 1 record(s) from outbound-messages-dlt to outbound-messages",
        "redrove 0 record(s) from media-downloads-dlt to media-downloads",
        "redrove 0 record(s) from conversation-events-dlt to conversation-events"));
    assertThat(second.lines()).allMatch(line -> line.startsWith("redrove 0 record(s)"));
    assertThat(read(servers, Topics.INBOUND_MESSAGES.name())).extracting(ConsumerRecord::value).containsExactly("not json");
    List<ConsumerRecord<String, String>> redriven = outboundMessages(servers);
    assertThat(redriven).hasSize(1);
    assertThat(redriven.getFirst().value()).isEqualTo(VALUE);
    assertThat(redriven.getFirst().key()).isEqualTo("wa:51987654321");
    assertThat(new String(redriven.getFirst().headers().lastHeader("xofi-trace-id").value(), StandardCharsets.UTF_8))
        .isEqualTo("trace-dlt");
    assertThat(redriven.getFirst().headers().lastHeader(DeadLetterHeaders.REDRIVEN_FROM)).isNotNull();
    assertThat(redriven.getFirst().headers().lastHeader(DeadLetterHeaders.ERROR)).isNull();
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new XofiStack()).execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<String, String>> outboundMessages(String servers) {
    return read(servers, Topics.OUTBOUND_MESSAGES.name());
  }

  private static List<ConsumerRecord<String, String>> read(String servers, String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("dlt-it-reader"),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        if (!records.isEmpty()) {
          // one more poll: a second copy would show up here
          consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
          break;
        }
      }
      return records;
    }
  }
}
