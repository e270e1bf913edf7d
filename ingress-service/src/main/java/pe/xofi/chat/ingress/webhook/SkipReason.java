package pe.xofi.chat.ingress.webhook;

import pe.xofi.chat.schemas.inbound.InputLimits;

/** Why a webhook item is acknowledged but not published. */
public enum SkipReason {
  /** The bot's own sends echo back as messages; answering them would loop forever. */
  FROM_ME,
  /** The bot serves members one to one; group chats are not conversations it keys. */
  GROUP_CHAT,
  /** Broadcast lists, newsletters, status updates or ids that are not phone numbers. */
  NOT_PERSONAL_CHAT,
  /** No phone digits or chat id to build a conversation key from. */
  UNKEYABLE,
  /**
   * A message, status, media, button, sender or callback id is longer than its cap
   * ({@link FieldLimits}): no provider sends one, and it would bloat every record and state keyed by it.
   */
  ID_TOO_LONG,
  /** A media link is longer than {@value FieldLimits#LINK} characters. */
  LINK_TOO_LONG;

  /**
   * Whether the item is refused as malformed rather than deliberately left out: a webhook with nothing
   * to publish and a refused item gets 422 instead of 200.
   */
  public boolean refused() {
    return this == ID_TOO_LONG || this == LINK_TOO_LONG;
  }

  /** What a refused item had wrong, for the 422 answer; empty for items deliberately left out. */
  public String problem() {
    return switch (this) {
      case ID_TOO_LONG -> "an id over its cap (message and status ids " + InputLimits.MESSAGE_ID
          + " characters, media, button, sender and callback ids " + InputLimits.ID + ")";
      case LINK_TOO_LONG -> "a media link over " + InputLimits.LINK + " characters";
      case FROM_ME, GROUP_CHAT, NOT_PERSONAL_CHAT, UNKEYABLE -> "";
    };
  }
}
