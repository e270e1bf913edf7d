package pe.xofi.chat.outbound.media;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * Reads a provider's file answer of at most a fixed size: a non-2xx status is mapped like every
 * provider's (429, 408 and 5xx transient, 404 not found, others, redirects included, refused), a
 * served content type other than JPEG, PNG, WebP, PDF or {@code application/octet-stream} and an
 * announced length over the limit are refused before reading, reading stops at the limit, and the
 * bytes must start like a JPEG, PNG, WebP or PDF: the file keeps the type its bytes show.
 */
public final class BoundedDownload {

  private BoundedDownload() {}

  /**
   * The file of {@code response} from {@code provider}, typed by its bytes; {@code announcedType}
   * (the webhook's) only names the type in a refusal when the provider served none.
   */
  public static Mono<FetchedMedia> read(
      ClientResponse response, String provider, String announcedType, int maxBytes) {
    int status = response.statusCode().value();
    if (!response.statusCode().is2xxSuccessful()) {
      return response.releaseBody().then(Mono.error(failure(provider, status)));
    }
    String served = response.headers().contentType()
        .map(type -> (type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT))
        .orElse(null);
    boolean generic = served == null || MediaType.APPLICATION_OCTET_STREAM_VALUE.equals(served);
    if (!generic && ReceiptFileType.ofMimeType(served).isEmpty()) {
      return response.releaseBody().then(Mono.error(new PermanentMediaFailure(MediaOutcome.UNSUPPORTED_TYPE,
          provider + " served " + quotable(served) + ", not " + ReceiptFileType.ACCEPTED)));
    }
    if (response.headers().contentLength().orElse(-1) > maxBytes) {
      return response.releaseBody().then(Mono.error(tooLarge(maxBytes)));
    }
    String claimed = generic ? announcedType : served;
    return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), maxBytes)
        .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes))
        .map(buffer -> typed(bytesOf(buffer), provider, claimed))
        .switchIfEmpty(Mono.error(() -> new PermanentMediaFailure(MediaOutcome.REJECTED, provider + " sent an empty file")));
  }

  /**
   * {@code bytes} typed by their signature; a receipt whose bytes are none of the four types is
   * refused whatever its name or content type says (an HTML page served as {@code image/png}).
   */
  static FetchedMedia typed(byte[] bytes, String provider, String claimedType) {
    if (bytes.length == 0) {
      throw new PermanentMediaFailure(MediaOutcome.REJECTED, provider + " sent an empty file");
    }
    return ReceiptFileType.sniff(bytes)
        .map(type -> new FetchedMedia(bytes, type.mimeType()))
        .orElseThrow(() -> new PermanentMediaFailure(MediaOutcome.UNSUPPORTED_TYPE,
            provider + " sent a file that is not " + ReceiptFileType.ACCEPTED
                + (claimedType == null ? "" : " (" + quotable(claimedType) + " by its type)")));
  }

  /** A content type as a failure reason may quote it: short and of MIME token characters only. */
  private static String quotable(String mimeType) {
    String safe = mimeType.replaceAll("[^A-Za-z0-9!#$&^_.+/-]", "?");
    return safe.length() <= 80 ? safe : safe.substring(0, 80) + "...";
  }

  /** The failure for a non-2xx {@code status} of {@code provider}. */
  public static MediaFailure failure(String provider, int status) {
    if (status == 429 || status == 408 || status >= 500) {
      return new TransientMediaFailure(provider + " answered " + status, null);
    }
    if (status == 404) {
      return new PermanentMediaFailure(MediaOutcome.NOT_FOUND, provider + " answered 404: media not found");
    }
    return new PermanentMediaFailure(MediaOutcome.REJECTED, provider + " answered " + status);
  }

  /** A file over the limit, whether announced by Content-Length or found while reading. */
  public static PermanentMediaFailure tooLarge(int maxBytes) {
    return new PermanentMediaFailure(MediaOutcome.TOO_LARGE, "file larger than " + maxBytes + " bytes");
  }

  private static byte[] bytesOf(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
