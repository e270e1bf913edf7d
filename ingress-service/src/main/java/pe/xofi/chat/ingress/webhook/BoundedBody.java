package pe.xofi.chat.ingress.webhook;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * Reads a request body of at most a fixed number of bytes; a larger body is refused as soon as the
 * limit is crossed, whether it declares its length or arrives chunked.
 */
public final class BoundedBody {

  private final int maxBytes;

  public BoundedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The whole body (empty when there is none), or {@link WebhookRejection.PayloadTooLarge}. */
  public Mono<byte[]> read(ServerHttpRequest request) {
    if (request.getHeaders().getContentLength() > maxBytes) {
      return Mono.error(new WebhookRejection.PayloadTooLarge(maxBytes));
    }
    return DataBufferUtils.join(request.getBody(), maxBytes)
        .map(BoundedBody::drain)
        .defaultIfEmpty(new byte[0])
        .onErrorMap(
            DataBufferLimitException.class, e -> new WebhookRejection.PayloadTooLarge(maxBytes));
  }

  private static byte[] drain(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
