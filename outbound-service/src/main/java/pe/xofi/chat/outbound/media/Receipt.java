package pe.xofi.chat.outbound.media;

/**
 * The part of a {@code payment_receipt} row the media stage needs.
 *
 * @param id     the row id, {@code receipt_file.receipt_id}
 * @param status whether its file is stored yet
 */
public record Receipt(long id, ReceiptStatus status) {}
