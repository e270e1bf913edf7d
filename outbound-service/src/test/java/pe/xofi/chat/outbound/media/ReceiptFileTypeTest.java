package pe.xofi.chat.outbound.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.outbound.support.ReceiptBytes;

class ReceiptFileTypeTest {

  @Test
  void shouldTellTheFourReceiptTypesByTheirFirstBytesAndNothingElse() {
    // given
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("jpeg", ReceiptBytes.jpeg(32));
    files.put("png", ReceiptBytes.png(32));
    files.put("webp", ReceiptBytes.webp(32));
    files.put("pdf", ReceiptBytes.pdf(32));
    files.put("html", "<!doctype html><html>".getBytes(StandardCharsets.UTF_8));
    files.put("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
    files.put("gif", "GIF89a......".getBytes(StandardCharsets.US_ASCII));
    files.put("riff wav", "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
    files.put("json", "{\"webhooks\":[]}".getBytes(StandardCharsets.UTF_8));
    files.put("two jpeg bytes", new byte[] {(byte) 0xFF, (byte) 0xD8});
    files.put("empty", new byte[0]);
    // when
    Map<String, Optional<ReceiptFileType>> sniffed = new LinkedHashMap<>();
    files.forEach((name, bytes) -> sniffed.put(name, ReceiptFileType.sniff(bytes)));
    // then
    Map<String, Optional<ReceiptFileType>> expected = new LinkedHashMap<>();
    expected.put("jpeg", Optional.of(ReceiptFileType.JPEG));
    expected.put("png", Optional.of(ReceiptFileType.PNG));
    expected.put("webp", Optional.of(ReceiptFileType.WEBP));
    expected.put("pdf", Optional.of(ReceiptFileType.PDF));
    expected.put("html", Optional.empty());
    expected.put("svg", Optional.empty());
    expected.put("gif", Optional.empty());
    expected.put("riff wav", Optional.empty());
    expected.put("json", Optional.empty());
    expected.put("two jpeg bytes", Optional.empty());
    expected.put("empty", Optional.empty());
    assertThat(sniffed).containsExactlyEntriesOf(expected);
  }

  @Test
  void shouldAcceptOnlyTheFourContentTypesAndTheCommonJpegAlias() {
    // when
    Map<String, Optional<ReceiptFileType>> types = new LinkedHashMap<>();
    for (String type : new String[] {"image/jpeg", "IMAGE/JPG", "image/png", "image/webp", "application/pdf",
        "text/html", "image/svg+xml", "application/json"}) {
      types.put(type, ReceiptFileType.ofMimeType(type));
    }
    // then
    assertThat(types.values()).containsExactly(Optional.of(ReceiptFileType.JPEG), Optional.of(ReceiptFileType.JPEG),
        Optional.of(ReceiptFileType.PNG), Optional.of(ReceiptFileType.WEBP), Optional.of(ReceiptFileType.PDF),
        Optional.empty(), Optional.empty(), Optional.empty());
  }
}
