package pe.xofi.chat.outbound.media;

import java.util.Locale;

/** How one attempt to download a receipt's file ended; the {@code outcome} tag of the media meters. */
public enum MediaOutcome {
  /** The file is now in {@code receipt_file}. */
  STORED,
  /** The receipt already had its file (a replayed or repeated request); nothing was downloaded. */
  ALREADY_STORED,
  /** The provider does not have the file (404): it expired or the id is wrong. */
  NOT_FOUND,
  /** The file is larger than {@code xofi.outbound.media.max-size}. */
  TOO_LARGE,
  /** No {@code payment_receipt} has the requested number. */
  UNKNOWN_RECEIPT,
  /** The provider refused the download for another reason (401, 403, 400, a redirect, an empty file). */
  REJECTED,
  /**
   * Nothing was requested, or the connection was refused before sending: the media id is not in
   * the provider's format, or the URL is not one of the provider's media hosts (scheme, host, port,
   * path, or a private address).
   */
  UNSAFE_SOURCE,
  /** The file is not a JPEG, PNG, WebP or PDF, by its content type or by its first bytes. */
  UNSUPPORTED_TYPE,
  /** The provider or the database was unavailable; retried in the partition. */
  TRANSIENT_ERROR;

  /** The meter tag value, e.g. {@code already_stored}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
