package pe.xofi.chat.sandbox.receipt;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk reading of send receipts for benchmarks: {@code GET /sandbox/receipts?after=<seq>&max=<n>}. */
@RestController
@RequestMapping("/sandbox/receipts")
class ReceiptController {

  private final SendReceipts receipts;

  ReceiptController(SendReceipts receipts) {
    this.receipts = receipts;
  }

  @GetMapping
  List<SendReceipt> since(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "10000") int max) {
    return receipts.since(after, max);
  }

  @DeleteMapping
  ResponseEntity<Void> clear() {
    receipts.clear();
    return ResponseEntity.noContent().build();
  }
}
