package pe.xofi.chat.outbound.provider.whapi;

import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.media.TransientMediaFailure;

/**
 * Reads WHAPI's refusal of {@code GET /media/{MediaID}}: 429, 408 and 5xx are transient, 404 means
 * the file is gone (WHAPI keeps media 30 days), every other status is a permanent refusal.
 */
public final class WhapiMediaResponses {

  private WhapiMediaResponses() {}

  /** The failure for a non-2xx {@code status}. */
  public static MediaFailure failure(int status) {
    if (status == 429 || status == 408 || status >= 500) {
      return new TransientMediaFailure("WHAPI answered " + status, null);
    }
    if (status == 404) {
      return new PermanentMediaFailure(MediaOutcome.NOT_FOUND, "WHAPI answered 404: media not found");
    }
    return new PermanentMediaFailure(MediaOutcome.REJECTED, "WHAPI answered " + status);
  }

  /** A file over the limit, whether announced by Content-Length or found while reading. */
  public static PermanentMediaFailure tooLarge(int maxBytes) {
    return new PermanentMediaFailure(MediaOutcome.TOO_LARGE, "file larger than " + maxBytes + " bytes");
  }
}
