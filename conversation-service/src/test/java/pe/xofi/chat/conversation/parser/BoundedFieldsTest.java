package pe.xofi.chat.conversation.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm;
import pe.xofi.chat.conversation.state.PendingForm.ReceiptStep;
import pe.xofi.chat.schemas.JsonSerde;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.InputLimits;
import pe.xofi.chat.schemas.inbound.Provider;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record published before the ingress capped its fields cannot wedge a partition: the parser holds
 * every field to its limit, and state read from the store is bounded too (security review H5).
 */
class BoundedFieldsTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final String PHONE = "51902376744";
  private static final ConversationKey KEY = ConversationKey.whatsapp(PHONE);
  private static final InboundParser PARSER = new InboundParser(List.of(new WhapiMessageParser()));

  /** The SHA-256 of the review's id, {@code "W" * 300000 + "1"} ({@code sha256sum} of it). */
  private static final String DIGEST = "sha256:d02f8809c936e7cdea7bc4b57efd7fa859ad31730017a52559194000c2da54a1";

  @Test
  void shouldCutATextToTheProviderLimitAndReplaceAnOversizedIdByItsDigest() {
    // given: security review H5, an id of 300,000 characters, and a 1 MB text
    String id = "W".repeat(300_000) + "1";
    InboundEnvelope envelope = WhapiExamples.textEnvelope(PHONE, id, "a".repeat(1_000_000), RECEIVED);

    // when
    InboundMessage message = PARSER.parse(KEY.toString(), envelope);

    // then
    assertThat(message).isEqualTo(new Text(origin(DIGEST), "a".repeat(4_096)));
    assertThat(DIGEST).hasSize(71);
  }

  @Test
  void shouldDropALinkOverItsCapAndCutCaptionMimeTypeAndFileName() {
    // given
    ObjectNode raw = (ObjectNode) WhapiExamples.json(WhapiExamples.DOCUMENT_RECEIPT);
    ((ObjectNode) raw.get("document"))
        .put("link", "https://gate.whapi.cloud/" + "p".repeat(3_000))
        .put("caption", "Monto: 500" + " ".repeat(2_000))
        .put("mime_type", "application/pdf" + "x".repeat(300))
        .put("file_name", "b".repeat(300) + ".pdf");

    // when
    InboundMessage message = PARSER.parse(KEY.toString(), WhapiExamples.envelope(PHONE, "m-doc", raw, RECEIVED));

    // then
    assertThat(message).isEqualTo(new Media(origin("m-doc"), MediaKind.DOCUMENT, "pdf-0a1b2c3d4e5f",
        ("application/pdf" + "x".repeat(300)).substring(0, 255), ("Monto: 500" + " ".repeat(2_000)).substring(0, 1_024),
        null, 120331L, "b".repeat(256)));
  }

  @Test
  void shouldAnswerAMediaIdOverItsCapAsMalformedSinceACutIdNamesNoFile() {
    // given
    ObjectNode raw = (ObjectNode) WhapiExamples.json(WhapiExamples.IMAGE_RECEIPT);
    ((ObjectNode) raw.get("image")).put("id", "i".repeat(257));

    // when
    InboundMessage message = PARSER.parse(KEY.toString(), WhapiExamples.envelope(PHONE, "m-img", raw, RECEIVED));

    // then
    assertThat(message).isEqualTo(new Unsupported(origin("m-img"), Unsupported.MALFORMED));
  }

  @Test
  void shouldBoundStateWrittenBeforeIdsAndFilesWereCapped() {
    // given: a stored state holding the review's id and a pending receipt with an oversized link
    String id = "W".repeat(300_000) + "1";
    String stored = """
        {"channel":"WHATSAPP","lastActivityAt":"2026-11-24T10:15:30.123Z","recentMessageIds":["m1","%s"],\
        "pendingForm":{"form":"upload_receipt","step":"AMOUNT","amount":null,"date":null,\
        "media":{"provider":"WHAPI","mediaId":"jpeg-1","link":"https://x/%s","mimeType":"image/jpeg",\
        "sizeBytes":10,"fileName":null}}}""".formatted(id, "p".repeat(5_000));

    // when
    ConversationState state = new JsonSerde<>(ConversationState.class).deserialize("conversations", stored.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(state.recentMessageIds()).isEqualTo(List.of("m1", DIGEST));
    assertThat(state.hasHandled(InputLimits.messageId(id))).isTrue();
    assertThat(state.pendingForm()).isEqualTo(new PendingForm.UploadReceipt(ReceiptStep.AMOUNT, null, null,
        new MediaFile(Provider.WHAPI, "jpeg-1", null, "image/jpeg", 10L, null)));
  }

  private static MessageOrigin origin(String messageId) {
    return new MessageOrigin(messageId, KEY, Channel.WHATSAPP, Provider.WHAPI);
  }
}
