package pe.xofi.chat.membercrypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class EnvelopeSealerTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final InMemoryMemberKeyStore store = new InMemoryMemberKeyStore();
  private final EnvelopeSealer sealer =
      new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(MasterKeys.generateJson()), store)));

  private static InboundEnvelope identification() {
    return new InboundEnvelope("wamid.1", Channel.WHATSAPP, Provider.WHAPI, "wa:51987654321",
        new Sender("51987654321", "Ana Quispe"), NOW, NOW,
        Json.MAPPER.readTree("{\"id\":\"wamid.1\",\"type\":\"text\",\"text\":{\"body\":\"DNI 12345678 año 1990\"},\"from_name\":\"Ana Quispe\"}"));
  }

  private static OutboundMessage statement() {
    return new OutboundMessage("wamid.1#1", Channel.WHATSAPP, Provider.WHAPI, "wa:51987654321", "51987654321",
        new OutboundContent.Text("Ana, tu DNI 12345678: saldo S/ 1,200.00"), "wamid.1", NOW);
  }

  private static String wire(Object value, boolean inbound) {
    byte[] bytes = inbound
        ? Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t", (InboundEnvelope) value)
        : Topics.OUTBOUND_MESSAGES.valueSerde().serializer().serialize("t", (OutboundMessage) value);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void shouldPublishAnInboundMessageWithoutTheCredentialsOrTheSendersName() {
    // when
    InboundEnvelope sealed = sealer.seal(identification());

    // then: the wire bytes hold routing facts only
    assertThat(wire(sealed, true)).doesNotContain("12345678", "1990", "Ana").contains("wa:51987654321", "wamid.1");
    assertThat(sealed.raw()).isNull();
    assertThat(sealed.sender()).isEqualTo(new Sender("51987654321", null));
  }

  @Test
  void shouldOpenAnInboundMessageToWhatTheIngressReceived() {
    // given
    InboundEnvelope sealed = Topics.INBOUND_MESSAGES.valueSerde().deserializer()
        .deserialize("t", Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t", sealer.seal(identification())));

    // when
    Unsealed<InboundEnvelope> opened = sealer.open(sealed);

    // then
    assertThat(opened).isEqualTo(new Unsealed.Readable<>(identification()));
  }

  @Test
  void shouldSealAndOpenAReplysContent() {
    // when
    OutboundMessage sealed = sealer.seal(statement());

    // then
    assertThat(wire(sealed, false)).doesNotContain("12345678", "Ana", "1,200");
    assertThat(sealer.open(sealed)).isEqualTo(new Unsealed.Readable<>(statement()));
  }

  @Test
  void shouldReportForgottenRecordsOnceTheKeyIsDeleted() {
    // given
    InboundEnvelope inbound = sealer.seal(identification());
    OutboundMessage reply = sealer.seal(statement());
    store.delete("wa:51987654321");
    EnvelopeSealer otherInstance =
        new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(MasterKeys.generateJson()), store)));

    // when / then
    assertThat(otherInstance.open(inbound)).isEqualTo(new Unsealed.Forgotten<>());
    assertThat(otherInstance.open(reply)).isEqualTo(new Unsealed.Forgotten<>());
  }

  @Test
  void shouldLeaveRecordsInClearAndSealedOnesLockedWithoutAKeySet() {
    // given
    InboundEnvelope sealed = sealer.seal(identification());

    // when / then
    assertThat(EnvelopeSealer.clear().seal(identification())).isEqualTo(identification());
    assertThat(EnvelopeSealer.clear().open(identification())).isEqualTo(new Unsealed.Readable<>(identification()));
    assertThat(EnvelopeSealer.clear().open(sealed)).isEqualTo(new Unsealed.Locked<>());
  }
}
