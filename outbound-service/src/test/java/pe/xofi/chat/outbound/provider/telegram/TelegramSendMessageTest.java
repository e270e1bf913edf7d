package pe.xofi.chat.outbound.provider.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class TelegramSendMessageTest {

  @Test
  void shouldSendAListAsAnInlineKeyboardWithOneButtonPerRow() {
    // given
    OutboundContent menu = new OutboundContent.ListMenu("Menú", "Elige una opción", "Xofi", "Ver opciones", List.of(
        new OutboundContent.Section("Cuenta", List.of(
            new OutboundContent.Choice("estado_cuenta", "Estado de cuenta", null),
            new OutboundContent.Choice("prestamos", "Mis préstamos", null)))));

    // when
    var body = TelegramSendMessage.of(message("tg-update-5#1", menu));

    // then
    assertThat(body).isEqualTo(Json.MAPPER.readTree("""
        {"chat_id":"734561289","text":"Menú\\n\\nElige una opción\\n\\nXofi","reply_markup":{"inline_keyboard":[
          [{"text":"Estado de cuenta","callback_data":"estado_cuenta"}],
          [{"text":"Mis préstamos","callback_data":"prestamos"}]]}}"""));
  }

  @Test
  void shouldAnswerTheCallbackQueryOnlyWithTheFirstReplyToATap() {
    // given
    String tap = "tg-update-7.cb.4382bfdwdsb323b2d9";

    // when
    var first = TelegramClient.callbackToAnswer(message(tap + "#1", new OutboundContent.Text("a")));
    var second = TelegramClient.callbackToAnswer(message(tap + "#2", new OutboundContent.Text("b")));

    // then
    assertThat(first).isEqualTo(Optional.of("4382bfdwdsb323b2d9"));
    assertThat(second).isEmpty();
  }

  private static OutboundMessage message(String id, OutboundContent content) {
    return new OutboundMessage(id, Channel.TELEGRAM, Provider.TELEGRAM, "tg:734561289", "734561289",
        content, id.substring(0, id.indexOf('#')), Instant.EPOCH);
  }
}
