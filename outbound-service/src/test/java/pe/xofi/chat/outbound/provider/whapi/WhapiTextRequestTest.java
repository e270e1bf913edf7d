package pe.xofi.chat.outbound.provider.whapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class WhapiTextRequestTest {

  private static OutboundMessage reply(OutboundContent content) {
    return new OutboundMessage("p.abc#1", Channel.WHATSAPP, Provider.WHAPI, "wa:51987654321", "51987654321",
        content, "p.abc", Instant.parse("2025-01-15T15:00:00Z"));
  }

  @Test
  void shouldSendTextToRecipientWithItsBody() {
    // given
    OutboundMessage message = reply(new OutboundContent.Text("*Hola María*\nTu deuda es S/ 1,250.50"));
    // when
    String json = Json.MAPPER.writeValueAsString(WhapiTextRequest.of(message));
    // then
    assertThat(Json.MAPPER.readTree(json)).isEqualTo(Json.MAPPER.readTree(
        "{\"to\":\"51987654321\",\"body\":\"*Hola María*\\nTu deuda es S/ 1,250.50\"}"));
  }

  @Test
  void shouldSendButtonsAsTheirBodyTextUntilInteractiveSendingExists() {
    // given
    OutboundMessage message = reply(new OutboundContent.Buttons("Menú", "¿Qué deseas consultar?", "Xofi",
        List.of(new OutboundContent.Choice("debts", "Mis deudas", null))));
    // when
    WhapiTextRequest request = WhapiTextRequest.of(message);
    // then
    assertThat(request).isEqualTo(new WhapiTextRequest("51987654321", "¿Qué deseas consultar?"));
  }

  @Test
  void shouldSendTemplateAsItsPreview() {
    // given
    OutboundMessage message = reply(new OutboundContent.Template("recordatorio", "es_PE", List.of("María"),
        "Hola María, tienes una cuota pendiente."));
    // when
    WhapiTextRequest request = WhapiTextRequest.of(message);
    // then
    assertThat(request).isEqualTo(new WhapiTextRequest("51987654321", "Hola María, tienes una cuota pendiente."));
  }
}
