package pe.xofi.chat.sandbox.media;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.whapi.WhapiError;

/**
 * WHAPI's {@code GET /media/{MediaID}} (bearer token required, see {@code BearerTokenFilter}) and
 * the chat page's open copy of it, {@code GET /sandbox/media/{id}}: the file with its content type,
 * or WHAPI's 404.
 */
@RestController
class MediaController {

  static final String NOT_FOUND = "Specified media not found";

  private final MediaStore store;

  MediaController(MediaStore store) {
    this.store = store;
  }

  @GetMapping({"/media/{id}", "/sandbox/media/{id}"})
  ResponseEntity<?> media(@PathVariable String id) {
    return store.find(id)
        .<ResponseEntity<?>>map(media -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(media.mimeType()))
            .contentLength(media.size())
            .body(media.bytes()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .contentType(MediaType.APPLICATION_JSON)
            .body(WhapiError.of(HttpStatus.NOT_FOUND, NOT_FOUND)));
  }
}
