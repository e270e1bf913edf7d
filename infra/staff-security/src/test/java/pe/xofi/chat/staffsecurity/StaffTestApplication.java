package pe.xofi.chat.staffsecurity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service in miniature: a staff API that knows one phone, a public webhook and a path nobody mapped as public. */
@SpringBootApplication
class StaffTestApplication {

  static final String KNOWN_PHONE = "51987654321";

  @RestController
  static class Endpoints {

    @GetMapping("/ops/conversations/{phone}")
    ResponseEntity<String> transcript(@PathVariable String phone) {
      return KNOWN_PHONE.equals(phone)
          ? ResponseEntity.ok("transcript of " + phone)
          : ResponseEntity.status(HttpStatus.NOT_FOUND).body("no conversation");
    }

    @PostMapping("/chatbot/webhook/whatsapp")
    String webhook() {
      return "accepted";
    }

    @GetMapping("/internal")
    String internal() {
      return "internal";
    }
  }
}
