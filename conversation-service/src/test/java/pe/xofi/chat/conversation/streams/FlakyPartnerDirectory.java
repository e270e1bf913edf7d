package pe.xofi.chat.conversation.streams;

import java.util.List;
import java.util.Optional;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;

/** A member database that is down for the next few calls, then answers from a delegate. */
final class FlakyPartnerDirectory implements PartnerDirectory {

  private final PartnerDirectory delegate;
  private int failuresLeft;
  private int failures;

  FlakyPartnerDirectory(PartnerDirectory delegate) {
    this.delegate = delegate;
  }

  /** The next {@code calls} calls throw {@link MemberDataUnavailableException}. */
  void failNextCalls(int calls) {
    failuresLeft = calls;
  }

  /** How many calls failed so far. */
  int failures() {
    return failures;
  }

  @Override
  public Optional<Partner> findByDni(String dni) {
    outage();
    return delegate.findByDni(dni);
  }

  @Override
  public Optional<Partner> findById(long partnerId) {
    outage();
    return delegate.findById(partnerId);
  }

  @Override
  public List<Loan> loansOf(long partnerId) {
    outage();
    return delegate.loansOf(partnerId);
  }

  private void outage() {
    if (failuresLeft > 0) {
      failuresLeft--;
      failures++;
      throw new MemberDataUnavailableException("member database timed out", null);
    }
  }
}
