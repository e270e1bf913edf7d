package pe.xofi.chat.sandbox.whapi;

import org.springframework.http.HttpStatus;

/**
 * WHAPI's error body, {@code {"error":{"code":401,"message":"..."}}} (OpenAPI {@code ResponseError}).
 */
public record WhapiError(Detail error) {

  /** The code repeats the HTTP status; the message says what to fix. */
  public record Detail(int code, String message) {}

  public static WhapiError of(HttpStatus status, String message) {
    return new WhapiError(new Detail(status.value(), message));
  }

  /** The HTTP status this error is answered with. */
  public HttpStatus status() {
    return HttpStatus.valueOf(error.code());
  }
}
