package pe.xofi.chat.conversation.engine.auth;

import java.time.Instant;

/**
 * Something about identifications that operators should see, counted and logged (masked) once the
 * decision is written; never a DNI, a birth year or a phone number.
 */
public sealed interface AuthAlert {

  /** The member whose DNI was typed. */
  long partnerId();

  /**
   * A known DNI was tried from a conversation other than those its failures of the last day came
   * from.
   *
   * @param conversations how many conversations tried it within the day, this one included
   */
  record DniTriedFromSeveralNumbers(long partnerId, int conversations) implements AuthAlert {}

  /**
   * A failure locked a known DNI for every number.
   *
   * @param failures the DNI's failures within the day, this one included
   */
  record DniLocked(long partnerId, Instant until, int failures) implements AuthAlert {}

  /**
   * A WhatsApp number other than the member's registered one identified as them ({@link
   * PhoneBinding#WARN}) or was refused ({@link PhoneBinding#REQUIRE}).
   */
  record UnregisteredPhone(long partnerId, PhoneBinding binding) implements AuthAlert {}
}
