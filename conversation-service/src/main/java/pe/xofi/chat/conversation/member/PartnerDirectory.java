package pe.xofi.chat.conversation.member;

import java.util.List;
import java.util.Optional;

/**
 * Reads the member domain. Implementations block the calling (stream) thread for at most their
 * configured timeout and throw {@link MemberDataUnavailableException} when the data cannot be read,
 * so the message is retried rather than answered wrongly.
 */
public interface PartnerDirectory {

  /**
   * The partner whose DNI is {@code dni}, if any, whatever their status; the caller checks the birth
   * year and the status, so a known DNI can be counted and locked.
   */
  Optional<Partner> findByDni(String dni);

  /** The partner with database id {@code partnerId}, if any. */
  Optional<Partner> findById(long partnerId);

  /** The partner's loans with their schedules, ordered by code. */
  List<Loan> loansOf(long partnerId);
}
