package pe.xofi.chat.ingress.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.Unsealed;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * Security review M1 as an attack: whoever dumps {@code inbound-messages} after a member identified
 * finds no DNI, birth year or name; the engine, holding the key set, reads the message as it came.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xofi.ingress.webhook.providers=whapi",
      "xofi.ingress.whatsapp.webhook-secret=" + SealedInboundIT.SECRET,
      "xofi.member-crypto.required=true"
    })
@Import(FixedClockConfiguration.class)
class SealedInboundIT {

  static final String SECRET = "it-secret";

  static final PostgresTestDatabase DB = PostgresTestDatabase.create("sealed_inbound_it");

  private static final String PHONE = "51955" + (100000 + (int) (Math.random() * 899999));

  private static final String IDENTIFICATION =
      """
      {"id":"wamid.dni-%s","from_me":false,"type":"text","chat_id":"%s@s.whatsapp.net",\
      "timestamp":1762876458,"source":"mobile","text":{"body":"DNI 12345678 año 1990"},\
      "from":"%s","from_name":"Ana Quispe"}""".formatted(PHONE, PHONE, PHONE);

  @LocalServerPort private int port;
  @Autowired private EnvelopeSealer sealer;

  @DynamicPropertySource
  static void kafkaAndKeys(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    registry.add("xofi.member-crypto.keyset", MasterKeys::generateJson);
    registry.add("xofi.member-crypto.db-url", DB::url);
    registry.add("xofi.member-crypto.db-user", DB::user);
    registry.add("xofi.member-crypto.db-password", DB::password);
  }

  @AfterAll
  static void drop() {
    DB.drop();
  }

  @Test
  void shouldPublishAnIdentificationThatADumpOfTheTopicCannotRead() {
    // when
    WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
        .post()
        .uri("/chatbot/webhook/whatsapp/")
        .contentType(MediaType.APPLICATION_JSON)
        .header(WhatsAppWebhookController.SECRET_HEADER, SECRET)
        .bodyValue("{\"messages\":[" + IDENTIFICATION + "],\"event\":{\"type\":\"messages\",\"event\":\"post\"}}")
        .exchange()
        .expectStatus().isOk();

    // then: the bytes on the topic hold the routing facts only
    byte[] value = dump("wa:" + PHONE);
    String wire = new String(value, StandardCharsets.UTF_8);
    assertThat(wire).doesNotContain("12345678", "1990", "Ana", "Quispe").contains("wa:" + PHONE, "wamid.dni-" + PHONE);
    InboundEnvelope published = Topics.INBOUND_MESSAGES.valueSerde().deserializer().deserialize("t", value);
    assertThat(published.raw()).isNull();
    assertThat(published.sealed()).isNotNull();
    // and a holder of the key set reads what the member sent
    InboundEnvelope opened = ((Unsealed.Readable<InboundEnvelope>) sealer.open(published)).value();
    assertThat(opened.raw()).isEqualTo(Json.MAPPER.readTree(IDENTIFICATION));
    assertThat(opened.sender()).isEqualTo(new Sender(PHONE, "Ana Quispe"));
  }

  /** The value of the first record of {@code key} on inbound-messages, read as raw bytes. */
  private static byte[] dump(String key) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("sealed-inbound-dump"),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<byte[]> values = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.INBOUND_MESSAGES.name()));
      await().atMost(KafkaTestBroker.patience()).untilAsserted(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            values.add(record.value());
          }
        }
        assertThat(values).isNotEmpty();
      });
    }
    return values.getFirst();
  }
}
