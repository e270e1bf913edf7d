package pe.xofi.chat.conversation.member.inmemory;

import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.demo.DemoDataFacts;

/**
 * The demo members and loans the engine's tests rely on: the facts of the issue ({@link
 * DemoDataFacts}, which the PostgreSQL seed is checked against too), grouped as the in-memory
 * directory serves them.
 */
public final class DemoMembers {

  public static final Partner MARIA = DemoDataFacts.MARIA;
  public static final Partner JOSE = DemoDataFacts.JOSE;
  public static final Partner ROSA = DemoDataFacts.ROSA;

  public static final Loan PR_1001 = DemoDataFacts.PR_1001;
  public static final Loan PR_1002 = DemoDataFacts.PR_1002;
  public static final Loan PR_2001 = DemoDataFacts.PR_2001;

  public static final List<Partner> PARTNERS = List.of(MARIA, JOSE, ROSA);

  /** Loans by partner id, ordered by code. */
  public static final Map<Long, List<Loan>> LOANS =
      Map.of(MARIA.id(), List.of(PR_1001, PR_1002), JOSE.id(), List.of(PR_2001), ROSA.id(), List.of());

  private DemoMembers() {}
}
