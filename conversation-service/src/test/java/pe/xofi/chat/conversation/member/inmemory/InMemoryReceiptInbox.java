package pe.xofi.chat.conversation.member.inmemory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.member.ReceiptInbox;

/** {@link ReceiptInbox} in memory, numbering from {@code RC-000001}, idempotent on the source message. */
public final class InMemoryReceiptInbox implements ReceiptInbox {

  /** A receipt as it would be stored. */
  public record RegisteredReceipt(
      String number, long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, String sourceMessageId) {}

  private final Map<String, RegisteredReceipt> bySource = new LinkedHashMap<>();

  @Override
  public synchronized Receipt register(
      long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, String sourceMessageId) {
    RegisteredReceipt receipt =
        bySource.computeIfAbsent(
            sourceMessageId,
            source ->
                new RegisteredReceipt(
                    "RC-%06d".formatted(bySource.size() + 1), partnerId, amount, paidOn, file, source));
    return new Receipt(receipt.number(), receipt.amount(), receipt.paidOn());
  }

  /** Every receipt registered, in order. */
  public synchronized List<RegisteredReceipt> registered() {
    return new ArrayList<>(bySource.values());
  }
}
