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
    }
    // when
    String listed = run("dlt", "list", "--bootstrap-servers", servers);
    String first = run("dlt", "redrive", "--bootstrap-servers", servers);
    String second = run("dlt", "redrive", "--bootstrap-servers", servers);
    // then
    assertThat(listed).contains("p.dlt-it#1").contains("wa:*******4321").contains("WHAPI answered 400")
        .doesNotContain("51987654321").contains("1 record(s)");
    assertThat(List.of(first.strip(), second.strip())).containsExactly(
        "redrove 1 record(s) to outbound-messages", "redrove 0 record(s) to outbound-messages");
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
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("dlt-it-reader"),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.OUTBOUND_MESSAGES.name()));
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
