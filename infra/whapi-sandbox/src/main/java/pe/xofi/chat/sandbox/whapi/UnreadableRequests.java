package pe.xofi.chat.sandbox.whapi;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** A body that is not JSON, or none at all, is answered with WHAPI's 400 error shape. */
@RestControllerAdvice
class UnreadableRequests {

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<WhapiError> unreadable(ServerWebInputException e) {
    return ResponseEntity.badRequest()
        .body(WhapiError.of(HttpStatus.BAD_REQUEST, "request body must be valid JSON"));
  }
}
