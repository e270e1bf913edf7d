package pe.xofi.chat.conversation.engine.account;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.engine.EngineFixture.NOW;
import static pe.xofi.chat.conversation.engine.EngineFixture.signedIn;
import static pe.xofi.chat.conversation.engine.EngineFixture.text;
import static pe.xofi.chat.conversation.engine.EngineFixture.texts;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.EngineFixture;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.state.ConversationState;

class AccountTest {

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

  private static final String PR_1001_DETAIL =
      """
      *Préstamo PR-1001*
      Producto: Crédito personal
      Monto: S/ 6,000.00
      Tasa: 18.00 % anual
      Plazo: 12 meses
      Desembolso: 15/05/2026
      Estado: Vigente
      Saldo: S/ 4,400.00

      *Cuotas*
      1. 15/06/2026 · S/ 550.00 · pagada
      2. 15/07/2026 · S/ 550.00 · pagada
      3. 15/08/2026 · S/ 550.00 · pagada
      4. 15/09/2026 · S/ 550.00 · pagada
      5. 15/10/2026 · S/ 550.00 · vencida
      6. 15/11/2026 · S/ 550.00 · vencida
      7. 15/12/2026 · S/ 550.00 · pendiente
      8. 15/01/2027 · S/ 550.00 · pendiente
      9. 15/02/2027 · S/ 550.00 · pendiente
      10. 15/03/2027 · S/ 550.00 · pendiente
      11. 15/04/2027 · S/ 550.00 · pendiente
      12. 15/05/2027 · S/ 550.00 · pendiente""";

  private static final String NOT_FOUND_FOR_MARIA =
      """
      No encontré el préstamo *%s* entre tus préstamos.
      Tus préstamos: *PR-1001*, *PR-1002*.""";

  private final ConversationEngine engine = new EngineFixture().engine;
  private final ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));
  private final ConversationState jose = signedIn(DemoMembers.JOSE, NOW.minusSeconds(60));
  private final ConversationState rosa = signedIn(DemoMembers.ROSA, NOW.minusSeconds(60));

  @ParameterizedTest
  @ValueSource(strings = {"Mi información", "mis datos", "MIS DATOS!"})
  void shouldShowThePersonalDataWithTheDniMaskedExceptItsLastThreeDigits(String command) {
    // when
    List<String> replies = texts(engine.decide(maria, text("wamid.1", command), NOW));

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                """
                *Tus datos*
                Nombre: María Elena Quispe Huamán
                DNI: *****678
                Código de socio: SOC-0001
                Teléfono: 51987654321
                Correo: maria.quispe@example.pe
                Dirección: Av. Arequipa 1234, Lima
                Estado: Activo"""));
  }

  @Test
  void shouldSayWhichPersonalDataIsNotRegistered() {
    // when
    List<String> replies = texts(engine.decide(rosa, text("wamid.2", "mis datos"), NOW));

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                """
                *Tus datos*
                Nombre: Rosa Flores Ccori
                DNI: *****677
                Código de socio: SOC-0003
                Teléfono: 51955566677
                Correo: no registrado
                Dirección: no registrado
                Estado: Activo"""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"estado de cuenta", "Mi deuda", "¿Cuánto debo?"})
  void shouldSummariseTheBalanceOverdueAndNextInstallmentOfEachActiveLoanAndInTotal(String command) {
    // when
    List<String> replies = texts(engine.decide(maria, text("wamid.3", command), NOW));

    // then
    assertThat(replies).isEqualTo(List.of(MARIA_STATEMENT));
  }

  @Test
  void shouldCountOverdueInstallmentsAsUnpaidWithADueDateBeforeTodayInLima() {
    // given 6 December 2026, 03:00 UTC is still 5 December in Lima: the installment due that day is not overdue
    var beforeMidnightInLima = java.time.Instant.parse("2026-12-06T03:00:00Z");

    // when
    List<String> replies =
        texts(engine.decide(signedIn(DemoMembers.JOSE, beforeMidnightInLima), text("wamid.4", "mi deuda"), beforeMidnightInLima));

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                """
                *Estado de cuenta*

                *PR-2001* · Crédito MYPE
                Saldo pendiente: S/ 14,040.00
                Vencido: S/ 3,120.00 (4 cuotas)
                Próxima cuota: 05/12/2026 · S/ 780.00

                *Total*
                Saldo pendiente: S/ 14,040.00
                Vencido: S/ 3,120.00 (4 cuotas)
                Próxima cuota: 05/12/2026 · S/ 780.00"""));
  }

  @Test
  void shouldSayAMemberWithoutActiveLoansHasNoDebts() {
    // when
    List<String> replies = texts(engine.decide(rosa, text("wamid.5", "estado de cuenta"), NOW));

    // then
    assertThat(replies).isEqualTo(List.of("*Estado de cuenta*\n\nNo tienes deudas pendientes. ¡Estás al día!"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mis préstamos", "listar créditos"})
  void shouldListEveryLoanWithCodeProductPrincipalStatusAndBalance(String command) {
    // when
    List<String> replies = texts(engine.decide(maria, text("wamid.6", command), NOW));

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                """
                *Tus préstamos*

                *PR-1001* · Crédito personal
                Monto: S/ 6,000.00 · Estado: Vigente
                Saldo: S/ 4,400.00

                *PR-1002* · Crédito de emergencia
                Monto: S/ 1,200.00 · Estado: Pagado
                Saldo: S/ 0.00

                Para ver sus cuotas escribe *detalle PR-1001*."""));
  }

  @Test
  void shouldSayAMemberWithoutLoansHasNone() {
    // when
    List<String> replies = texts(engine.decide(rosa, text("wamid.7", "mis préstamos"), NOW));

    // then
    assertThat(replies).isEqualTo(List.of("No tienes préstamos registrados."));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Detalle de préstamo PR-1001", "detalle PR-1001", "préstamo 1001", "detalle pr1001", "pr-1001"})
  void shouldDetailALoanWithEveryInstallmentAndItsStatus(String command) {
    // when
    List<String> replies = texts(engine.decide(maria, text("wamid.8", command), NOW));

    // then
    assertThat(replies).isEqualTo(List.of(PR_1001_DETAIL));
  }

  @Test
  void shouldAnswerAnotherMembersLoanCodeExactlyLikeOneThatDoesNotExist() {
    // when
    List<String> othersLoan = texts(engine.decide(maria, text("wamid.9", "detalle PR-2001"), NOW));
    List<String> noSuchLoan = texts(engine.decide(maria, text("wamid.10", "detalle PR-9999"), NOW));

    // then
    assertThat(othersLoan).isEqualTo(List.of(NOT_FOUND_FOR_MARIA.formatted("PR-2001")));
    assertThat(noSuchLoan).isEqualTo(List.of(NOT_FOUND_FOR_MARIA.formatted("PR-9999")));
  }

  @Test
  void shouldAskWhichLoanWhenDetalleComesWithoutACode() {
    // when
    List<String> replies = texts(engine.decide(jose, text("wamid.11", "detalle"), NOW));

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                """
                ¿De qué préstamo quieres el detalle? Tus préstamos: *PR-2001*.
                Escribe por ejemplo *detalle PR-2001*."""));
  }
}
