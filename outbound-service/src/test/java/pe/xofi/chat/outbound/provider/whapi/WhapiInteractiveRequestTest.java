package pe.xofi.chat.outbound.provider.whapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.outbound.OutboundContent;

class WhapiInteractiveRequestTest {

  @Test
  void shouldWriteQuickReplyButtonsAsWhapiExpects() {
    // given
    OutboundContent.Buttons menu = new OutboundContent.Buttons(null, "¿Qué deseas hacer?", null, List.of(
        new OutboundContent.Choice("menu-account", "Estado de cuenta", null),
        new OutboundContent.Choice("menu-loans", "Mis préstamos", null)));
    // when
    String json = Json.MAPPER.writeValueAsString(WhapiInteractiveRequest.of("51987654321", menu));
    // then
    assertThat(json).isEqualTo("{\"to\":\"51987654321\",\"type\":\"button\",\"body\":{\"text\":\"¿Qué deseas hacer?\"},"
        + "\"action\":{\"buttons\":[{\"type\":\"quick_reply\",\"title\":\"Estado de cuenta\",\"id\":\"menu-account\"},"
        + "{\"type\":\"quick_reply\",\"title\":\"Mis préstamos\",\"id\":\"menu-loans\"}]}}");
  }

  @Test
  void shouldWriteAListWithSectionsAndRows() {
    // given
    OutboundContent.ListMenu loans = new OutboundContent.ListMenu("Préstamos", "¿Cuál préstamo?", null, "Ver",
        List.of(new OutboundContent.Section("Vigentes",
            List.of(new OutboundContent.Choice("loan-PR-0001", "PR-0001", "S/ 5,000.00")))));
    // when
    String json = Json.MAPPER.writeValueAsString(WhapiInteractiveRequest.of("51987654321", loans));
    // then
    assertThat(json).isEqualTo("{\"to\":\"51987654321\",\"type\":\"list\",\"header\":{\"text\":\"Préstamos\"},"
        + "\"body\":{\"text\":\"¿Cuál préstamo?\"},\"action\":{\"list\":{\"label\":\"Ver\",\"sections\":"
        + "[{\"title\":\"Vigentes\",\"rows\":[{\"id\":\"loan-PR-0001\",\"title\":\"PR-0001\",\"description\":\"S/ 5,000.00\"}]}]}}}");
  }

  @Test
  void shouldSendMoreThanThreeButtonsAsText() {
    // given
    List<OutboundContent.Choice> four = List.of(new OutboundContent.Choice("a", "A", null),
        new OutboundContent.Choice("b", "B", null), new OutboundContent.Choice("c", "C", null),
        new OutboundContent.Choice("d", "D", null));
    // when / then
    assertThat(WhapiInteractiveRequest.fits(new OutboundContent.Buttons(null, "x", null, four))).isFalse();
  }
}
