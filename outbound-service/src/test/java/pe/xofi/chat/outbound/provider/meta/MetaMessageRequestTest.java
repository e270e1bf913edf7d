package pe.xofi.chat.outbound.provider.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class MetaMessageRequestTest {

  @Test
  void shouldSendButtonsAsMetaReplyButtons() {
    // given
    OutboundContent content = new OutboundContent.Buttons(null, "¿Qué deseas hacer?", null, List.of(
        new OutboundContent.Choice("estado_cuenta", "Estado de cuenta", null),
        new OutboundContent.Choice("soporte", "Hablar con un asesor humano", null)));

    // when
    var body = MetaMessageRequest.of(message(content));

    // then
    assertThat(body).isEqualTo(Json.MAPPER.readTree("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"51987654321","type":"interactive",
         "interactive":{"type":"button","body":{"text":"¿Qué deseas hacer?"},"action":{"buttons":[
           {"type":"reply","reply":{"id":"estado_cuenta","title":"Estado de cuenta"}},
           {"type":"reply","reply":{"id":"soporte","title":"Hablar con un aseso…"}}]}}}"""));
  }

  @Test
  void shouldSendTextAsMetaText() {
    // when
    var body = MetaMessageRequest.of(message(new OutboundContent.Text("Hola")));

    // then
    assertThat(body).isEqualTo(Json.MAPPER.readTree("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"51987654321","type":"text",
         "text":{"body":"Hola"}}"""));
  }

  private static OutboundMessage message(OutboundContent content) {
    return new OutboundMessage("m#1", Channel.WHATSAPP, Provider.META, "wa:51987654321", "51987654321",
        content, "m", Instant.EPOCH);
  }
}
