package pe.xofi.chat.outbound.media;

/** {@code payment_receipt.status}: waiting for its file, holding it, or given up on. */
public enum ReceiptStatus {
  PENDING_FILE,
  STORED,
  FAILED
}
