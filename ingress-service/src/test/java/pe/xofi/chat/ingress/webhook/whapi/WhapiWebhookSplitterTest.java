package pe.xofi.chat.ingress.webhook.whapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.BOT_ECHO_MESSAGE;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.CHATS_WEBHOOK;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.GERALD_MESSAGE;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.GROUP_MESSAGE;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.HOLA_MESSAGE;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.HOLA_WEBHOOK;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.READ_STATUS_WEBHOOK;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.RECEIPT_IMAGE_MESSAGE;
import static pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads.messagesWebhook;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pe.xofi.chat.ingress.webhook.ProviderWebhook;
import pe.xofi.chat.ingress.webhook.SkipReason;
import pe.xofi.chat.ingress.webhook.WebhookRejection.NotAWebhook;
import pe.xofi.chat.ingress.webhook.ProviderWebhook.Batch;
import pe.xofi.chat.ingress.webhook.ProviderWebhook.Skipped;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.status.ProviderStatus;
import tools.jackson.databind.JsonNode;

class WhapiWebhookSplitterTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  private final WhapiWebhookSplitter splitter = new WhapiWebhookSplitter();

  @Test
  void shouldTurnTheOriginalHolaWebhookIntoOneEnvelopeKeyedByThePhone() {
    // given
    JsonNode webhook = json(HOLA_WEBHOOK);

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result).isEqualTo(new Batch(List.of(holaEnvelope()), List.of(), List.of()));
  }

  @Test
  void shouldSplitEveryMessageOfAWebhookInOrderKeepingEachRawMessageUntouched() {
    // given
    JsonNode webhook = json(messagesWebhook(GERALD_MESSAGE, RECEIPT_IMAGE_MESSAGE));

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new Batch(
                List.of(
                    new InboundEnvelope(
                        "p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw",
                        Channel.WHATSAPP,
                        Provider.WHAPI,
                        "wa:919984351847",
                        new Sender("919984351847", "Gerald"),
                        RECEIVED,
                        Instant.ofEpochSecond(1712995245),
                        json(GERALD_MESSAGE)),
                    new InboundEnvelope(
                        "gBGGUQmXdwRfAgkmqA4uAmJ8xxU",
                        Channel.WHATSAPP,
                        Provider.WHAPI,
                        "wa:51902376744",
                        new Sender("51902376744", "Usuario"),
                        RECEIVED,
                        Instant.ofEpochSecond(1762876520),
                        json(RECEIPT_IMAGE_MESSAGE))),
                List.of(),
                List.of()));
  }

  @Test
  void shouldSkipTheBotsOwnEchoAndGroupChatsButKeepTheMembersMessage() {
    // given
    JsonNode webhook = json(messagesWebhook(BOT_ECHO_MESSAGE, GROUP_MESSAGE, HOLA_MESSAGE));

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new Batch(
                List.of(holaEnvelope()),
                List.of(),
                List.of(
                    new Skipped("PsqA3Ltd7a0Yj3s-gLgDtGcgAsKs", SkipReason.FROM_ME),
                    new Skipped("Gr0upMsg-1", SkipReason.GROUP_CHAT))));
  }

  @ParameterizedTest
  @CsvSource({
    "status@broadcast, NOT_PERSONAL_CHAT",
    "120363041111111111@newsletter, NOT_PERSONAL_CHAT",
    "204820156817479@lid, NOT_PERSONAL_CHAT",
    "@s.whatsapp.net, UNKEYABLE",
    "123456789012345678901234567890123@s.whatsapp.net, UNKEYABLE"
  })
  void shouldSkipChatsThatAreNotAMembersPhone(String chatId, SkipReason reason) {
    // given
    JsonNode webhook =
        json(messagesWebhook("{\"id\":\"m-1\",\"chat_id\":\"" + chatId + "\",\"type\":\"text\"}"));

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result).isEqualTo(new Batch(List.of(), List.of(), List.of(new Skipped("m-1", reason))));
  }

  @Test
  void shouldTurnAStatusCallbackIntoAProviderStatusOfTheRecipientWithItsStringTimestamp() {
    // given
    JsonNode webhook = json(READ_STATUS_WEBHOOK);

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new Batch(
                List.of(),
                List.of(
                    new ProviderStatus(
                        Provider.WHAPI,
                        "wa:919984351847",
                        "p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw",
                        "read",
                        RECEIVED,
                        Instant.ofEpochSecond(1712995290),
                        webhook.get("statuses").get(0))),
                List.of()));
  }

  @Test
  void shouldLowerCaseTheStatusWordAndSkipStatusesWithoutARecipient() {
    // given
    JsonNode webhook =
        json(
            """
            {"statuses":[{"id":"s-1","status":"DELIVERED","recipient_id":"51902376744","timestamp":1762876500},\
            {"id":"s-2","status":"sent","timestamp":"1762876501"}]}""");

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new Batch(
                List.of(),
                List.of(
                    new ProviderStatus(
                        Provider.WHAPI,
                        "wa:51902376744",
                        "s-1",
                        "delivered",
                        RECEIVED,
                        Instant.ofEpochSecond(1762876500),
                        webhook.get("statuses").get(0))),
                List.of(new Skipped("s-2", SkipReason.UNKEYABLE))));
  }

  @Test
  void shouldLeaveTheProviderTimestampAndSenderEmptyWhenWhapiOmitsThem() {
    // given
    String message =
        """
        {"id":"m-2","type":"text","chat_id":"51902376744@s.whatsapp.net","timestamp":"soon","text":{"body":"x"}}""";

    // when
    ProviderWebhook result = splitter.split(json(messagesWebhook(message)), RECEIVED);

    // then
    assertThat(result)
        .isEqualTo(
            new Batch(
                List.of(
                    new InboundEnvelope(
                        "m-2",
                        Channel.WHATSAPP,
                        Provider.WHAPI,
                        "wa:51902376744",
                        new Sender(null, null),
                        RECEIVED,
                        null,
                        json(message))),
                List.of(),
                List.of()));
  }

  @Test
  void shouldAcknowledgeAnEventTypeItDoesNotConsumeWithoutRecords() {
    // given
    JsonNode webhook = json(CHATS_WEBHOOK);

    // when
    ProviderWebhook result = splitter.split(webhook, RECEIVED);

    // then
    assertThat(result).isEqualTo(new ProviderWebhook.Unhandled("chats.patch"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1,2]|not a webhook: a WHAPI webhook is a JSON object, got array",
        "\"Hola\"|not a webhook: a WHAPI webhook is a JSON object, got string",
        "{}|not a webhook: a WHAPI webhook has messages, statuses or an event",
        "{\"messages\":{\"id\":\"m\"}}|not a webhook: messages is an array, got object",
        "{\"statuses\":\"read\"}|not a webhook: statuses is an array, got string",
        "{\"messages\":[42]}|not a webhook: every item of messages is an object, got number",
        "{\"messages\":[{\"chat_id\":\"51902376744@s.whatsapp.net\"}]}|not a webhook: messages[] has no id",
        "{\"messages\":[{\"id\":\"m-3\",\"from_me\":true}]}|not a webhook: messages[m-3] has no chat_id",
        "{\"statuses\":[{\"id\":\"s-3\",\"recipient_id\":\"51902376744\"}]}|not a webhook: statuses[s-3] has no status"
      })
  void shouldRefuseBodiesThatAreNotAWhapiWebhookNamingTheProblem(String body, String problem) {
    // given
    JsonNode webhook = json(body);

    // when / then
    assertThatThrownBy(() -> splitter.split(webhook, RECEIVED))
        .isInstanceOf(NotAWebhook.class)
        .hasMessage(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "1762876458|2025-11-11T15:54:18Z",
        "\"1762876458\"|2025-11-11T15:54:18Z",
        "\" 1762876458 \"|2025-11-11T15:54:18Z",
        "1762876458.5|2025-11-11T15:54:18.500Z",
        "\"yesterday\"|none",
        "99999999999999999999|none",
        "null|none"
      })
  void shouldReadEpochSecondsGivenAsNumberOrString(String timestamp, Instant expected) {
    // given
    JsonNode node = json(timestamp);

    // when
    Instant result = WhapiWebhookSplitter.epochSeconds(node);

    // then
    assertThat(result).isEqualTo(expected);
  }

  private static InboundEnvelope holaEnvelope() {
    return new InboundEnvelope(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:51902376744",
        new Sender("51902376744", "Usuario"),
        RECEIVED,
        Instant.ofEpochSecond(1762876458),
        json(HOLA_MESSAGE));
  }

  private static JsonNode json(String text) {
    return Json.MAPPER.readTree(text);
  }
}
