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
 * provider's (429, 408 and 5xx transient, 404 not found, others refused), an announced length over
 * the limit is refused before reading, and reading stops at the limit otherwise.
 */
public final class BoundedDownload {

  private BoundedDownload() {}

  /** The file of {@code response} from {@code provider}, typed as served or else as announced. */
  public static Mono<FetchedMedia> read(
      ClientResponse response, String provider, String announcedType, int maxBytes) {
    int status = response.statusCode().value();
    if (!response.statusCode().is2xxSuccessful()) {
      return response.releaseBody().then(Mono.error(failure(provider, status)));
    }
    if (response.headers().contentLength().orElse(-1) > maxBytes) {
      return response.releaseBody().then(Mono.error(tooLarge(maxBytes)));
    }
    String mimeType = response.headers().contentType()
        .map(type -> type.getType() + "/" + type.getSubtype())
        .filter(type -> !MediaType.APPLICATION_OCTET_STREAM_VALUE.equals(type) || announcedType == null)
        .orElse(announcedType);
    return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), maxBytes)
        .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes))
        .map(buffer -> new FetchedMedia(bytesOf(buffer), mimeType))
        .switchIfEmpty(Mono.error(() -> new PermanentMediaFailure(MediaOutcome.REJECTED, provider + " sent an empty file")));
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
