package pe.xofi.chat.outbound.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiptFileTest {

  @Test
  void shouldKeepBytesWithTheirLowercaseHexSha256AndSize() {
    // given
    byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
    // when
    ReceiptFile file = ReceiptFile.of(new FetchedMedia(bytes, "image/jpeg"));
    // then (FIPS 180-2 test vector)
    assertThat(file.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(file.size()).isEqualTo(3L);
    assertThat(file.mimeType()).isEqualTo("image/jpeg");
    assertThat(file.bytes()).isEqualTo(bytes);
  }

  @Test
  void shouldNeverShowTheBytesInItsText() {
    // given
    ReceiptFile file = ReceiptFile.of(new FetchedMedia("DNI 12345678".getBytes(StandardCharsets.UTF_8), "application/pdf"));
    // when
    String text = file.toString();
    // then
    assertThat(text).isEqualTo("ReceiptFile[sha256=" + file.sha256() + ", size=12, mimeType=application/pdf]");
  }
}
