package pe.xofi.chat.sandbox.fault;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the sandbox to misbehave like a throttled or failing WHAPI, and to stop doing so. */
@RestController
@RequestMapping("/sandbox/faults")
class FaultController {

  private final ConfigurableSendFaults faults;

  FaultController(ConfigurableSendFaults faults) {
    this.faults = faults;
  }

  @PostMapping
  FaultReport apply(@RequestBody FaultPlan plan) {
    faults.apply(plan);
    return faults.report();
  }

  @GetMapping
  FaultReport report() {
    return faults.report();
  }

  @DeleteMapping
  ResponseEntity<Void> clear() {
    faults.clear();
    return ResponseEntity.noContent().build();
  }
}
