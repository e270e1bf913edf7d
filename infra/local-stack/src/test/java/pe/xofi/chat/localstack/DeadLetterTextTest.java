package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.MemberKeyStore;
import pe.xofi.chat.membercrypto.RecordSealer;
import pe.xofi.chat.membercrypto.StoredDataKey;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/** {@code ./xofi dlt list --text}: dead letters opened for an authorised operator, credentials masked. */
class DeadLetterTextTest {

  private static final String KEY = "wa:51987654321";
  private static final Instant AT = Instant.parse("2026-12-01T15:00:00Z");

  private final Map<String, StoredDataKey> keys = new ConcurrentHashMap<>();
  private final EnvelopeSealer sealer =
      new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(MasterKeys.generateJson()), store())));

  @Test
  void shouldShowAnAuthorisedOperatorTheMembersTextWithTheCredentialsMasked() {
    // given: a member's message and a reply, sealed as the services write them, then dead-lettered
    byte[] inbound = bytes(Topics.INBOUND_MESSAGES_DLT.name(), sealer.seal(inbound("DNI 12345678 año 1990 por favor")));
    byte[] reply = bytes(Topics.OUTBOUND_MESSAGES_DLT.name(), sealer.seal(reply("Tu DNI 12345678 y año 1990 no coinciden.")));

    // when
    DeadLetterText texts = new DeadLetterText(sealer);

    // then
    assertThat(texts.of(Topics.INBOUND_MESSAGES_DLT.name(), inbound))
        .isEqualTo("{\"id\":\"wamid.1\",\"type\":\"text\",\"text\":{\"body\":\"DNI ******** año **** por favor\"}}");
    assertThat(texts.of(Topics.OUTBOUND_MESSAGES_DLT.name(), reply)).isEqualTo("Tu DNI ******** y año **** no coinciden.");
  }

  @Test
  void shouldShowNothingOfAForgottenMemberOrToAReaderWithoutTheKeySet() {
    // given
    byte[] sealed = bytes(Topics.INBOUND_MESSAGES_DLT.name(), sealer.seal(inbound("Hola")));

    // when: no key set (not authorised), then the member forgotten
    String withoutKeySet = new DeadLetterText(EnvelopeSealer.clear()).of(Topics.INBOUND_MESSAGES_DLT.name(), sealed);
    keys.clear();
    String forgotten =
        new DeadLetterText(new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(MasterKeys.generateJson()), store()))))
            .of(Topics.INBOUND_MESSAGES_DLT.name(), sealed);

    // then
    assertThat(withoutKeySet).isEqualTo(DeadLetterText.SEALED);
    assertThat(forgotten).isEqualTo(DeadLetterText.FORGOTTEN);
  }

  @Test
  void shouldNeverEchoAPoisonRecordsBytes() {
    // when
    String text = new DeadLetterText(sealer).of(Topics.INBOUND_MESSAGES_DLT.name(),
        "DNI 12345678 año 1990 not json".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(text).isEqualTo(DeadLetterText.UNREADABLE);
  }

  private MemberKeyStore store() {
    return new MemberKeyStore() {
      @Override
      public Optional<StoredDataKey> find(String conversationKey) {
        return Optional.ofNullable(keys.get(conversationKey));
      }

      @Override
      public StoredDataKey createIfAbsent(String conversationKey, StoredDataKey candidate) {
        return keys.computeIfAbsent(conversationKey, k -> candidate);
      }

      @Override
      public int delete(String conversationKey) {
        return keys.remove(conversationKey) == null ? 0 : 1;
      }
    };
  }

  private static InboundEnvelope inbound(String body) {
    return new InboundEnvelope("wamid.1", Channel.WHATSAPP, Provider.WHAPI, KEY, new Sender("51987654321", "María"), AT, AT,
        Json.MAPPER.readTree("{\"id\":\"wamid.1\",\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}}"));
  }

  private static OutboundMessage reply(String text) {
    return new OutboundMessage("wamid.1#1", Channel.WHATSAPP, Provider.WHAPI, KEY, "51987654321", new OutboundContent.Text(text), "wamid.1", AT);
  }

  @SuppressWarnings("unchecked")
  private static <T> byte[] bytes(String topic, T value) {
    var serde = (org.apache.kafka.common.serialization.Serde<T>) (Object)
        (topic.equals(Topics.INBOUND_MESSAGES_DLT.name()) ? Topics.INBOUND_MESSAGES_DLT.valueSerde() : Topics.OUTBOUND_MESSAGES_DLT.valueSerde());
    return serde.serializer().serialize(topic, value);
  }
}
