package pe.xofi.chat.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.ingress.webhook.meta.MetaWebhookSplitter;
import pe.xofi.chat.ingress.webhook.telegram.TelegramUpdateSplitter;
import pe.xofi.chat.ingress.webhook.whapi.WhapiWebhookSplitter;
import pe.xofi.chat.schemas.Json;
import tools.jackson.databind.JsonNode;

/** Each splitter holds the fields its conversation parser reads to {@link FieldLimits}. */
class SplitterLimitsTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  @Test
  void shouldCutEveryWhapiTextTheConversationReadsAndNameWhatWasCut() {
    // given
    JsonNode webhook = Json.MAPPER.readTree(
        """
        {"messages":[{"id":"m-1","type":"document","chat_id":"51902376744@s.whatsapp.net",\
        "document":{"id":"pdf-1","mime_type":"application/pdf","file_name":"%s","caption":"%s"},\
        "from":"51902376744","from_name":"%s"},\
        {"id":"m-2","type":"reply","chat_id":"51902376744@s.whatsapp.net",\
        "reply":{"type":"list_reply","list_reply":{"id":"ListV3:loan.PR-1001","title":"%s","description":"%s"}}}]}"""
            .formatted("f".repeat(300), "c".repeat(1_500), "n".repeat(257), "t".repeat(400), "d".repeat(400)));

    // when
    ProviderWebhook.Batch batch = (ProviderWebhook.Batch) new WhapiWebhookSplitter().split(webhook, RECEIVED);

    // then
    JsonNode document = batch.messages().get(0).raw().path("document");
    JsonNode choice = batch.messages().get(1).raw().path("reply").path("list_reply");
    assertThat(List.of(document.path("file_name").stringValue().length(), document.path("caption").stringValue().length(),
            batch.messages().get(0).sender().name().length(), choice.path("title").stringValue().length(),
            choice.path("description").stringValue().length()))
        .isEqualTo(List.of(256, 1_024, 256, 256, 256));
    assertThat(batch.cutFields())
        .isEqualTo(List.of("from_name", "document.caption", "document.file_name", "reply.list_reply.title",
            "reply.list_reply.description"));
  }

  @Test
  void shouldRefuseWhapiItemsWhoseIdsAreOverTheirCap() {
    // given
    JsonNode webhook = Json.MAPPER.readTree(
        """
        {"messages":[{"id":"m-1","type":"image","chat_id":"51902376744@s.whatsapp.net",\
        "image":{"id":"%s","mime_type":"image/jpeg"}},\
        {"id":"m-2","type":"reply","chat_id":"51902376744@s.whatsapp.net",\
        "reply":{"type":"buttons_reply","buttons_reply":{"id":"%s","title":"Menú"}}}],\
        "statuses":[{"id":"%s","status":"read","recipient_id":"51902376744@s.whatsapp.net"}]}"""
            .formatted("i".repeat(257), "b".repeat(257), "s".repeat(129)));

    // when
    ProviderWebhook.Batch batch = (ProviderWebhook.Batch) new WhapiWebhookSplitter().split(webhook, RECEIVED);

    // then
    assertThat(batch).isEqualTo(new ProviderWebhook.Batch(List.of(), List.of(), List.of(
        new ProviderWebhook.Skipped("m-1", SkipReason.ID_TOO_LONG),
        new ProviderWebhook.Skipped("m-2", SkipReason.ID_TOO_LONG),
        new ProviderWebhook.Skipped("s".repeat(32) + "…", SkipReason.ID_TOO_LONG))));
  }

  @Test
  void shouldRefuseMetaMessagesWhoseMediaUrlOrButtonIdIsOverItsCap() {
    // given
    JsonNode webhook = Json.MAPPER.readTree(
        """
        {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{\
        "messages":[{"from":"51987654321","id":"wamid.1","type":"image",\
        "image":{"id":"2621233374848975","mime_type":"image/jpeg","url":"https://lookaside.fbsbx.com/%s"}},\
        {"from":"51987654321","id":"wamid.2","type":"interactive",\
        "interactive":{"type":"button_reply","button_reply":{"id":"%s","title":"Sí"}}}]}}]}]}"""
            .formatted("u".repeat(2_100), "b".repeat(257)));

    // when
    ProviderWebhook.Batch batch = (ProviderWebhook.Batch) new MetaWebhookSplitter().split(webhook, RECEIVED);

    // then
    assertThat(batch.skipped()).isEqualTo(List.of(
        new ProviderWebhook.Skipped("wamid.1", SkipReason.LINK_TOO_LONG),
        new ProviderWebhook.Skipped("wamid.2", SkipReason.ID_TOO_LONG)));
  }

  @Test
  void shouldCutTelegramNamesAndRefuseAFileIdOverItsCap() {
    // given
    JsonNode named = Json.MAPPER.readTree(
        """
        {"update_id":1,"message":{"message_id":1,"from":{"id":7,"first_name":"%s","username":"%s"},\
        "chat":{"id":7,"type":"private"},"date":1736953200,"text":"%s"}}"""
            .formatted("f".repeat(300), "u".repeat(300), "t".repeat(5_000)));
    JsonNode document = Json.MAPPER.readTree(
        """
        {"update_id":2,"message":{"message_id":2,"from":{"id":7,"first_name":"Ana"},\
        "chat":{"id":7,"type":"private"},"date":1736953200,"document":{"file_id":"%s","file_name":"boleta.pdf"}}}"""
            .formatted("d".repeat(257)));

    // when
    ProviderWebhook.Batch cut = (ProviderWebhook.Batch) new TelegramUpdateSplitter().split(named, RECEIVED);
    ProviderWebhook.Batch refused = (ProviderWebhook.Batch) new TelegramUpdateSplitter().split(document, RECEIVED);

    // then
    assertThat(List.of(cut.messages().getFirst().sender().name(), cut.cutFields()))
        .isEqualTo(List.of("f".repeat(256), List.of("message.text", "from.first_name", "from.username")));
    assertThat(refused.skipped())
        .isEqualTo(List.of(new ProviderWebhook.Skipped("tg-update-2", SkipReason.ID_TOO_LONG)));
  }

  @Test
  void shouldNeverCutBetweenTheHalvesOfASurrogatePair() {
    // given: an emoji (two chars) straddling the limit
    String text = "a".repeat(9) + "😀";

    // when
    String cut = FieldLimits.cut(text, 10);

    // then
    assertThat(cut).isEqualTo("a".repeat(9));
  }
}
