package pe.xofi.chat.conversation.member.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.JOSE;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.MARIA;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.PR_1001;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.PR_1002;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.PR_2001;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.ROSA;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.conversation.member.demo.DemoDataSeeder.DemoDataCounts;
import pe.xofi.chat.conversation.member.postgres.PostgresPartnerDirectory;

/** The demo data on a real PostgreSQL: exactly the issue's members, and only into an empty database. */
class DemoDataSeederIT {

  @Test
  void shouldLoadExactlyTheDemoMembersIntoAnEmptyDatabase() {
    try (MemberTestDatabase db = MemberTestDatabase.createMigrated("demo_seed_it")) {
      // given
      DemoDataSeeder seeder = seeder(db);
      PostgresPartnerDirectory directory = new PostgresPartnerDirectory(db.blockingDatabase());

      // when
      Optional<DemoDataCounts> loaded = seeder.seedIfEmpty();

      // then
      assertThat(loaded).contains(new DemoDataCounts(3, 3, 42));
      assertThat(List.of(directory.findById(1), directory.findById(2), directory.findById(3)))
          .isEqualTo(List.of(Optional.of(MARIA), Optional.of(JOSE), Optional.of(ROSA)));
      assertThat(directory.loansOf(MARIA.id())).isEqualTo(List.of(PR_1001, PR_1002));
      assertThat(directory.loansOf(JOSE.id())).isEqualTo(List.of(PR_2001));
      assertThat(directory.loansOf(ROSA.id())).isEmpty();
    }
  }

  @Test
  void shouldDescribeTheSchedulesInTheIssuesOwnWords() {
    // the whole-record comparisons above rest on DemoDataFacts.monthly: pin it to the issue's dates
    // given
    List<Installment> personal = PR_1001.installments();
    List<Installment> emergency = PR_1002.installments();

    // when / then
    assertThat(List.of(personal.get(3), personal.get(4), personal.get(11), emergency.get(5)))
        .isEqualTo(
            List.of(
                new Installment(4, LocalDate.of(2026, 9, 15), soles("550.00"), soles("550.00"), LocalDate.of(2026, 9, 15)),
                new Installment(5, LocalDate.of(2026, 10, 15), soles("550.00"), soles("0.00"), null),
                new Installment(12, LocalDate.of(2027, 5, 15), soles("550.00"), soles("0.00"), null),
                new Installment(6, LocalDate.of(2026, 6, 10), soles("210.00"), soles("210.00"), LocalDate.of(2026, 6, 10))));
    assertThat(PR_2001.installments().getLast().dueDate()).isEqualTo(LocalDate.of(2028, 1, 5));
  }

  @Test
  void shouldLoadNothingIntoADatabaseThatHasPartners() {
    try (MemberTestDatabase db = MemberTestDatabase.createMigrated("demo_seed_it")) {
      // given
      long existing = db.insertPartner("SOC-0100", "11112222");
      DemoDataSeeder seeder = seeder(db);

      // when
      Optional<DemoDataCounts> loaded = seeder.seedIfEmpty();

      // then
      assertThat(loaded).isEmpty();
      assertThat(db.rows("SELECT id, code FROM partner UNION ALL SELECT count(*), 'loans' FROM loan"))
          .isEqualTo(List.of(List.of(String.valueOf(existing), "SOC-0100"), List.of("0", "loans")));
    }
  }

  @Test
  void shouldLoadNothingTheSecondTime() {
    try (MemberTestDatabase db = MemberTestDatabase.createMigrated("demo_seed_it")) {
      // given
      DemoDataSeeder seeder = seeder(db);
      seeder.seedIfEmpty();

      // when
      Optional<DemoDataCounts> again = seeder.seedIfEmpty();

      // then
      assertThat(again).isEmpty();
      assertThat(db.rows("SELECT (SELECT count(*) FROM partner), (SELECT count(*) FROM loan), (SELECT count(*) FROM installment)"))
          .isEqualTo(List.of(List.of("3", "3", "42")));
    }
  }

  private static BigDecimal soles(String amount) {
    return new BigDecimal(amount);
  }

  private static DemoDataSeeder seeder(MemberTestDatabase db) {
    return new DemoDataSeeder(db.pool(), new R2dbcTransactionManager(db.pool()));
  }
}
