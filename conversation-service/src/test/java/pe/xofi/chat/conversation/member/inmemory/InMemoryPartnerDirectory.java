package pe.xofi.chat.conversation.member.inmemory;

import java.util.List;
import java.util.Optional;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;

/** {@link PartnerDirectory} over {@link DemoMembers}. */
public final class InMemoryPartnerDirectory implements PartnerDirectory {

  @Override
  public Optional<Partner> findByDniAndBirthYear(String dni, int birthYear) {
    return DemoMembers.PARTNERS.stream()
        .filter(partner -> partner.dni().equals(dni) && partner.birthDate().getYear() == birthYear)
        .findFirst();
  }

  @Override
  public Optional<Partner> findById(long partnerId) {
    return DemoMembers.PARTNERS.stream().filter(partner -> partner.id() == partnerId).findFirst();
  }

  @Override
  public List<Loan> loansOf(long partnerId) {
    return DemoMembers.LOANS.getOrDefault(partnerId, List.of());
  }
}
