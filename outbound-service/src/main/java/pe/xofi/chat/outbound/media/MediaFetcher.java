package pe.xofi.chat.outbound.media;

import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;

/** Downloads a member's file from one provider, refusing files larger than a limit. */
public interface MediaFetcher {

  /** The provider this fetcher downloads from. */
  Provider provider();

  /**
   * Downloads the file of {@code download}, reading at most {@code maxBytes} bytes.
   *
   * @throws PermanentMediaFailure when the provider does not have the file, refuses it, or it is too large
   * @throws TransientMediaFailure when the provider is unavailable and a later try may succeed
   */
  FetchedMedia fetch(MediaDownload download, int maxBytes);
}
