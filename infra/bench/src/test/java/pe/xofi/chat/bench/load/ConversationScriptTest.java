package pe.xofi.chat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConversationScriptTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void shouldWriteWhapisMessagesPostWebhook() {
    // given
    ConversationScript script = new ConversationScript(new PhoneBook(5000), "run1");
    // when
    Webhook webhook = script.webhook(7, 1736953200L);
    // then
    assertThat(JSON.readTree(webhook.body())).isEqualTo(JSON.readTree("""
        {"messages":[{"id":"run1-7","from_me":false,"type":"text","chat_id":"51970000007@s.whatsapp.net",
          "timestamp":1736953200,"source":"mobile","text":{"body":"Hola"},"from":"51970000007","from_name":"Socio 7"}],
         "event":{"type":"messages","event":"post"},"channel_id":"BENCH"}"""));
    assertThat(webhook).extracting(Webhook::index, Webhook::messageId, Webhook::phone, Webhook::text)
        .containsExactly(7L, "run1-7", "51970000007", "Hola");
  }

  @Test
  void shouldWalkEachDemoMembersPhoneThroughAuthStatementLoansAndATicket() {
    // given: phone 0 writes as María (DNI 12345678, 1990); request i comes from phone i mod 3
    ConversationScript script = new ConversationScript(new PhoneBook(3), "r");
    // when
    List<String> texts = LongStream.range(0, 8).map(step -> step * 3).mapToObj(i -> script.webhook(i, 0).text()).toList();
    // then
    assertThat(texts).containsExactly(
        "Hola", "DNI 12345678 año 1990", "estado de cuenta", "mis préstamos", "crear ticket", "Problema con pago",
        "No puedo pagar mi cuota", "menu");
  }

  @Test
  void shouldLetUnknownNumbersTryADniNoMemberHas() {
    // given: phone 1 is an unknown number
    ConversationScript script = new ConversationScript(new PhoneBook(3), "r");
    // when
    List<String> texts = LongStream.range(0, 5).map(step -> step * 3 + 1).mapToObj(i -> script.webhook(i, 0).text()).toList();
    // then
    assertThat(texts).containsExactly("Hola", "DNI 00000001 año 1900", "estado de cuenta", "mis préstamos", "ayuda");
  }

  @Test
  void shouldMixTheThreeDemoMembersAndUnknownNumbersOverDistinctPhones() {
    // given
    PhoneBook phones = new PhoneBook(5000);
    // when
    Set<String> distinct = new HashSet<>();
    long members = 0;
    Set<String> dnis = new HashSet<>();
    for (int n = 0; n < phones.size(); n++) {
      distinct.add(phones.phone(n));
      if (phones.memberOf(n) != null) {
        members++;
        dnis.add(phones.memberOf(n).dni());
      }
    }
    // then
    assertThat(distinct).hasSize(5000);
    assertThat(members).isEqualTo(1000);
    assertThat(dnis).containsExactlyInAnyOrder("12345678", "87654321", "44556677");
  }

  @Test
  void shouldTraceAMessageIdBackToItsRequest() {
    // given
    ConversationScript script = new ConversationScript(new PhoneBook(10), "abc");
    String id = script.webhook(123_456, 0).messageId();
    // when / then
    assertThat(script.indexOf(id)).isEqualTo(123_456);
    assertThat(script.indexOf("other-5")).isEqualTo(-1);
    assertThat(script.indexOf("abc-x")).isEqualTo(-1);
    assertThat(new String(script.webhook(0, 0).body(), StandardCharsets.UTF_8)).contains("\"id\":\"abc-0\"");
  }
}
