package pe.xofi.chat.sandbox.media;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/media}: keeps a file under a new media id without posting a webhook, so a
 * load generator can post its own image webhooks (with its own message ids) that name a file the
 * outbound service can fetch.
 */
@RestController
class MediaUploadController {

  private final MediaStore store;

  MediaUploadController(MediaStore store) {
    this.store = store;
  }

  /** The file to keep: its MIME type, an optional name and the bytes in base64. */
  record MediaUpload(String mimeType, String name, String base64) {}

  @PostMapping("/sandbox/media")
  ResponseEntity<Map<String, Object>> upload(@RequestBody MediaUpload upload) {
    if (upload.mimeType() == null || !upload.mimeType().matches("[\\w.+-]+/[\\w.+-]+")) {
      return badRequest("mimeType must be a MIME type such as image/jpeg");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(upload.base64() == null ? "" : upload.base64());
    } catch (IllegalArgumentException e) {
      return badRequest("base64 must be base64");
    }
    if (bytes.length == 0) {
      return badRequest("file is empty");
    }
    StoredMedia media = store.store(upload.mimeType(), upload.name(), bytes);
    // the fields of WHAPI's MediaFile, as an image or document webhook carries them
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", media.id());
    body.put("mime_type", media.mimeType());
    body.put("file_size", media.size());
    body.put("sha256", media.sha256());
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  private static ResponseEntity<Map<String, Object>> badRequest(String message) {
    return ResponseEntity.badRequest().body(Map.of("error", Map.of("code", 400, "message", message)));
  }
}
