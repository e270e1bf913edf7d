package pe.xofi.chat.outbound.send;

/** The provider was busy, failing or unreachable (429, 5xx, timeout, refused connection): retry later. */
public final class TransientSendFailure extends SendFailure {

  public TransientSendFailure(String message, Integer statusCode, String detail, Throwable cause) {
    super(message, statusCode, detail, cause);
  }
}
