package pe.xofi.chat.conversation.member.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;

/** {@link PartnerDirectory} over {@link DemoMembers}, and the members a test adds. */
public final class InMemoryPartnerDirectory implements PartnerDirectory {

  private final List<Partner> partners = new ArrayList<>(DemoMembers.PARTNERS);

  /** Adds {@code partner}, e.g. a suspended member, for the rest of the test. */
  public void add(Partner partner) {
    partners.add(partner);
  }

  @Override
  public Optional<Partner> findByDni(String dni) {
    return partners.stream().filter(partner -> partner.dni().equals(dni)).findFirst();
  }

  @Override
  public Optional<Partner> findById(long partnerId) {
    return partners.stream().filter(partner -> partner.id() == partnerId).findFirst();
  }

  @Override
  public List<Loan> loansOf(long partnerId) {
    return DemoMembers.LOANS.getOrDefault(partnerId, List.of());
  }
}
