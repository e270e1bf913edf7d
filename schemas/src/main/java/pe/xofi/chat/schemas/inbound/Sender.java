package pe.xofi.chat.schemas.inbound;

/**
 * Who wrote a message, as the provider named them.
 *
 * @param id   the provider's id of the sender (phone digits on WhatsApp, user id on Telegram)
 * @param name the display name, when the provider gives one
 */
public record Sender(String id, String name) {}
