package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.engine.EngineFixture.NEW;
import static pe.xofi.chat.conversation.engine.EngineFixture.NOW;
import static pe.xofi.chat.conversation.engine.EngineFixture.origin;
import static pe.xofi.chat.conversation.engine.EngineFixture.reply;
import static pe.xofi.chat.conversation.engine.EngineFixture.signedIn;
import static pe.xofi.chat.conversation.engine.EngineFixture.text;
import static pe.xofi.chat.conversation.engine.EngineFixture.texts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.account.AccountTexts;
import pe.xofi.chat.conversation.engine.account.LoanChoices;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundContent.Buttons;
import pe.xofi.chat.schemas.outbound.OutboundContent.Choice;
import pe.xofi.chat.schemas.outbound.OutboundContent.ListMenu;
import pe.xofi.chat.schemas.outbound.OutboundContent.Section;

class InteractiveChoicesTest {

  private static final List<Choice> MENU_ROWS =
      List.of(
          new Choice("menu.1", "Mi información", "Tus datos personales"),
          new Choice("menu.2", "Estado de cuenta", "El resumen de tus deudas"),
          new Choice("menu.3", "Mis préstamos", "Todos tus préstamos"),
          new Choice("menu.4", "Detalle de un préstamo", "Las cuotas de un préstamo"),
          new Choice("menu.5", "Ticket de soporte", "Crear un ticket de soporte"),
          new Choice("menu.6", "Comprobante de pago", "Subir un comprobante de pago"));

  private static final String MARIA_STATEMENT =
      """
      *Estado de cuenta*

      *PR-1001* · Crédito personal
      Saldo pendiente: S/ 4,400.00
      Vencido: S/ 1,100.00 (2 cuotas)
      Próxima cuota: 15/12/2026 · S/ 550.00

      *Total*
      Saldo pendiente: S/ 4,400.00
      Vencido: S/ 1,100.00 (2 cuotas)
      Próxima cuota: 15/12/2026 · S/ 550.00""";

  private final ConversationEngine engine = new EngineFixture().engine;
  private final ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));

  @Test
  void shouldAnswerAGreetingWithTheMenuAsAListWhoseBodyIsTheWelcomeText() {
    // when
    Decision decision = engine.decide(NEW, text("wamid.1", "hola"), NOW);

    // then
    assertThat(decision.replies())
        .isEqualTo(
            List.of(
                reply(
                    "wamid.1",
                    1,
                    new ListMenu(
                        null,
                        BotTexts.WELCOME,
                        null,
                        "Ver opciones",
                        List.of(new Section("Opciones", MENU_ROWS))),
                    NOW)));
  }

  @Test
  void shouldSendTheMemberMenuAndTheHelpAsTheSameList() {
    // when
    List<OutboundContent> menu = contents(engine.decide(maria, text("wamid.1", "hola"), NOW));
    List<OutboundContent> help = contents(engine.decide(maria, text("wamid.2", "ayuda"), NOW));

    // then
    assertThat(menu)
        .isEqualTo(
            List.of(
                new ListMenu(
                    null,
                    BotTexts.memberMenu("María"),
                    null,
                    "Ver opciones",
                    List.of(new Section("Opciones", MENU_ROWS)))));
    assertThat(help)
        .isEqualTo(
            List.of(
                new ListMenu(
                    null, BotTexts.HELP, null, "Ver opciones", List.of(new Section("Opciones", MENU_ROWS)))));
  }

  @Test
  void shouldKeepEveryChoiceWithinWhatsAppLimits() {
    // then
    assertThat(Menus.ROWS)
        .allSatisfy(
            row -> {
              assertThat(row.title()).hasSizeLessThanOrEqualTo(24);
              assertThat(row.description()).hasSizeLessThanOrEqualTo(72);
            });
    assertThat(Menus.LABEL).hasSizeLessThanOrEqualTo(20);
    assertThat(LoanChoices.LABEL).hasSizeLessThanOrEqualTo(20);
  }

  @Test
  void shouldAnswerTheSecondMenuRowWithTheStatement() {
    // when
    Decision decision = engine.decide(maria, choice("wamid.1", "menu.2", "Estado de cuenta"), NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.1", 1, MARIA_STATEMENT, NOW)));
  }

  @Test
  void shouldAnswerALoanChoiceWithThatLoansDetailLikeTheTypedCommand() {
    // when
    List<String> tapped = texts(engine.decide(maria, choice("wamid.1", "loan.PR-1001", "PR-1001"), NOW));
    List<String> typed = texts(engine.decide(maria, text("wamid.2", "detalle PR-1001"), NOW));

    // then
    assertThat(tapped).isEqualTo(typed);
    assertThat(tapped.getFirst()).startsWith("*Préstamo PR-1001*\nProducto: Crédito personal\n");
  }

  @Test
  void shouldAnswerAChoiceOfAnotherMembersLoanAsNotFound() {
    // when
    List<String> replies = texts(engine.decide(maria, choice("wamid.1", "loan.PR-2001", "PR-2001"), NOW));

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                """
                No encontré el préstamo *PR-2001* entre tus préstamos.
                Tus préstamos: *PR-1001*, *PR-1002*."""));
  }

  @Test
  void shouldAskWhichLoanWithOneButtonPerLoan() {
    // when
    List<OutboundContent> replies = contents(engine.decide(maria, text("wamid.1", "detalle"), NOW));

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                new Buttons(
                    null,
                    """
                    ¿De qué préstamo quieres el detalle? Tus préstamos: *PR-1001*, *PR-1002*.
                    Escribe por ejemplo *detalle PR-1001*.""",
                    null,
                    List.of(
                        new Choice("loan.PR-1001", "PR-1001", null),
                        new Choice("loan.PR-1002", "PR-1002", null)))));
  }

  @Test
  void shouldAskWhichLoanWithAListBeyondThreeLoans() {
    // given
    List<Loan> loans =
        List.of(loan("PR-1", "Crédito personal"), loan("PR-2", "Crédito MYPE"), loan("PR-3", "Crédito vehicular"),
            loan("PR-4", "Crédito de emergencia"));

    // when
    OutboundContent question = LoanChoices.whichLoan(loans);

    // then
    assertThat(question)
        .isEqualTo(
            new ListMenu(
                null,
                AccountTexts.whichLoan(loans),
                null,
                "Ver préstamos",
                List.of(
                    new Section(
                        "Tus préstamos",
                        List.of(
                            new Choice("loan.PR-1", "PR-1", "Crédito personal"),
                            new Choice("loan.PR-2", "PR-2", "Crédito MYPE"),
                            new Choice("loan.PR-3", "PR-3", "Crédito vehicular"),
                            new Choice("loan.PR-4", "PR-4", "Crédito de emergencia"))))));
  }

  @Test
  void shouldReadAChoiceWithAForeignIdByItsTitle() {
    // when
    List<String> replies = texts(engine.decide(NEW, choice("wamid.1", "xyz", "Adiós"), NOW));

    // then
    assertThat(replies).isEqualTo(List.of(BotTexts.FAREWELL));
  }

  private static ButtonReply choice(String messageId, String id, String title) {
    return new ButtonReply(origin(messageId), id, title);
  }

  private static List<OutboundContent> contents(Decision decision) {
    return decision.replies().stream().map(reply -> reply.content()).toList();
  }

  private static Loan loan(String code, String product) {
    return new Loan(
        code, product, new BigDecimal("1000.00"), new BigDecimal("18.00"), 12, LocalDate.of(2026, 1, 15),
        LoanStatus.ACTIVE, List.of());
  }
}
