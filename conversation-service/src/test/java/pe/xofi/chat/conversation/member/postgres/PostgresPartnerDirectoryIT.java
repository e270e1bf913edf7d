package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.JOSE;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.MARIA;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.PR_1001;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.PR_1002;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.PR_2001;
import static pe.xofi.chat.conversation.member.demo.DemoDataFacts.ROSA;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.membercrypto.MasterKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/** The service started on an empty database with {@code XOFI_DEMO_DATA=true}, read through its PartnerDirectory. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"spring.kafka.streams.auto-startup=false", "XOFI_DEMO_DATA=true"})
@DirtiesContext
class PostgresPartnerDirectoryIT {

  static final PostgresTestDatabase database = PostgresTestDatabase.create("partner_directory_it");

  @DynamicPropertySource
  static void memberDatabase(DynamicPropertyRegistry registry) {
    registry.add("XOFI_DB_URL", database::url);
    registry.add("XOFI_DATA_KEYSET", MasterKeys::generateJson);
    registry.add("XOFI_DB_USER", database::user);
    registry.add("XOFI_DB_PASSWORD", database::password);
  }

  @AfterAll
  static void dropDatabase() {
    database.drop();
  }

  @Autowired PartnerDirectory partners;

  @Test
  void shouldFindTheMemberOfADni() {
    // given
    String dni = "12345678";

    // when
    Optional<Partner> found = partners.findByDni(dni);

    // then
    assertThat(found).contains(MARIA);
  }

  @Test
  void shouldFindNobodyForAnUnknownDni() {
    // given
    String dni = "12345679";

    // when
    Optional<Partner> found = partners.findByDni(dni);

    // then
    assertThat(found).isEmpty();
  }

  @Test
  void shouldFindAMemberById() {
    // given
    long id = JOSE.id();

    // when
    List<Optional<Partner>> found = List.of(partners.findById(id), partners.findById(404));

    // then
    assertThat(found).isEqualTo(List.of(Optional.of(JOSE), Optional.empty()));
  }

  @Test
  void shouldListOnlyTheMembersOwnLoansOrderedByCode() {
    // given
    List<Long> ids = List.of(MARIA.id(), JOSE.id(), ROSA.id(), 404L);

    // when
    List<List<?>> loans = ids.stream().<List<?>>map(partners::loansOf).toList();

    // then
    assertThat(loans).isEqualTo(List.of(List.of(PR_1001, PR_1002), List.of(PR_2001), List.of(), List.of()));
  }
}
