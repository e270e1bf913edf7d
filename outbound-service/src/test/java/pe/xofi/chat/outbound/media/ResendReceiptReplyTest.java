package pe.xofi.chat.outbound.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class ResendReceiptReplyTest {

  static final Instant NOW = Instant.parse("2025-01-15T15:00:05Z");

  @Test
  void shouldAskTheMemberToSendTheReceiptAgainWithADeterministicId() {
    // given
    MediaDownload download = new MediaDownload("RC-000001", "wa:51987654321", Provider.WHAPI,
        "jpeg-0a1b", null, "image/jpeg", Instant.parse("2025-01-15T15:00:00Z"));
    // when
    OutboundMessage reply = ResendReceiptReply.of(download, NOW);
    // then
    assertThat(reply).isEqualTo(new OutboundMessage("RC-000001#media-failed", Channel.WHATSAPP, Provider.WHAPI,
        "wa:51987654321", "51987654321", new OutboundContent.Text(
            "No pudimos recibir el archivo de tu comprobante *RC-000001*. "
                + "Por favor, envíalo de nuevo con el monto y la fecha en el texto."),
        null, NOW));
  }

  @Test
  void shouldAddressTelegramMembersByChatId() {
    // given
    MediaDownload download = new MediaDownload("RC-000002", "tg:123456789", Provider.TELEGRAM,
        "file-1", null, "application/pdf", NOW);
    // when
    OutboundMessage reply = ResendReceiptReply.of(download, NOW);
    // then
    assertThat(reply.channel()).isEqualTo(Channel.TELEGRAM);
    assertThat(reply.recipient()).isEqualTo("123456789");
    assertThat(reply.conversationKey()).isEqualTo("tg:123456789");
  }

  @Test
  void shouldTellTheMemberWhyWhenTheFileIsTooLargeOrNotAPhotoOrPdf() {
    // given
    MediaDownload download = new MediaDownload("RC-000003", "wa:51987654321", Provider.WHAPI,
        "jpeg-0a1b", null, "image/jpeg", NOW);
    // when
    List<String> texts = List.of(MediaOutcome.TOO_LARGE, MediaOutcome.UNSUPPORTED_TYPE, MediaOutcome.UNSAFE_SOURCE,
            MediaOutcome.NOT_FOUND).stream()
        .map(outcome -> ResendReceiptReply.of(download, outcome, 10 * 1024 * 1024, NOW).content().fallbackText())
        .toList();
    // then
    assertThat(texts).containsExactly(
        "No pudimos recibir el archivo de tu comprobante *RC-000003* porque pesa más de 10 MB. "
            + "Por favor, envía una foto o un PDF más liviano con el monto y la fecha en el texto.",
        "No pudimos recibir el archivo de tu comprobante *RC-000003* porque no es una foto ni un PDF. "
            + "Aceptamos fotos JPG, PNG o WebP y archivos PDF: envíalo de nuevo en uno de esos formatos con el "
            + "monto y la fecha en el texto.",
        "No pudimos recibir el archivo de tu comprobante *RC-000003*. "
            + "Por favor, envíalo de nuevo con el monto y la fecha en el texto.",
        "No pudimos recibir el archivo de tu comprobante *RC-000003*. "
            + "Por favor, envíalo de nuevo con el monto y la fecha en el texto.");
  }
}
