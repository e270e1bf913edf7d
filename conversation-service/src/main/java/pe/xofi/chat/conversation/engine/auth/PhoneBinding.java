package pe.xofi.chat.conversation.engine.auth;

/**
 * Whether a WhatsApp member must identify from the phone registered for them ({@code
 * partner.phone}). Telegram conversations have no phone number and are never bound.
 */
public enum PhoneBinding {
  /** Any number may identify as any member; nothing is reported. */
  OFF,
  /** Any number may identify, and an identification from another number is counted and logged. */
  WARN,
  /** Only the registered number may identify; any other number gets {@link AuthTexts#UNREGISTERED_PHONE}. */
  REQUIRE
}
