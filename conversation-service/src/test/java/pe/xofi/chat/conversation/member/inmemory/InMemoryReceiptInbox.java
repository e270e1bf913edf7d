package pe.xofi.chat.conversation.member.inmemory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.member.ReceiptInbox;
import pe.xofi.chat.conversation.member.SourceMessage;

/**
 * {@link ReceiptInbox} in memory, numbering from {@code RC-000001}, idempotent on the partner and the
 * source message within its conversation, as {@code payment_receipt} is.
 */
public final class InMemoryReceiptInbox implements ReceiptInbox {

  /** A receipt as it would be stored. */
  public record RegisteredReceipt(
      String number, long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, SourceMessage source) {

    /** The provider's id of the message that completed the receipt. */
    public String sourceMessageId() {
      return source.messageId();
    }
  }

  private record Scope(long partnerId, SourceMessage source) {}

  private final Map<Scope, RegisteredReceipt> bySource = new LinkedHashMap<>();

  @Override
  public synchronized Receipt register(
      long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, SourceMessage source) {
    RegisteredReceipt receipt =
        bySource.computeIfAbsent(
            new Scope(partnerId, source),
            scope ->
                new RegisteredReceipt(
                    "RC-%06d".formatted(bySource.size() + 1), partnerId, amount, paidOn, file, source));
    return new Receipt(receipt.number(), receipt.amount(), receipt.paidOn());
  }

  /** Every receipt registered, in order. */
  public synchronized List<RegisteredReceipt> registered() {
    return new ArrayList<>(bySource.values());
  }
}
