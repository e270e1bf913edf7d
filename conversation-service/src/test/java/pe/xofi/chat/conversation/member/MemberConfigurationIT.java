package pe.xofi.chat.conversation.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.membercrypto.MasterKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.conversation.member.postgres.PostgresIdentificationLedger;
import pe.xofi.chat.conversation.member.postgres.PostgresPartnerDirectory;
import pe.xofi.chat.conversation.member.postgres.PostgresReceiptInbox;
import pe.xofi.chat.conversation.member.postgres.PostgresTicketDesk;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/** The service started on an empty database: Flyway builds the schema, the ports are the PostgreSQL adapters. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.kafka.streams.auto-startup=false")
@DirtiesContext
class MemberConfigurationIT {

  static final PostgresTestDatabase database = PostgresTestDatabase.create("member_configuration_it");

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

  @Autowired ApplicationContext context;

  @Test
  void shouldMigrateAnEmptyDatabaseAtStartup() throws Exception {
    // given: the service started on an empty database

    // when
    List<String> migrations;
    List<String> tables;
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      migrations = column(statement.executeQuery(
          "SELECT version || ' ' || description || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"));
      tables = column(statement.executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"));
    }

    // then
    assertThat(migrations)
        .isEqualTo(
            List.of(
                "1 member domain true", "2 conversation message true", "3 identification failure true",
                "4 scoped idempotency true"));
    assertThat(tables)
        .isEqualTo(
            List.of(
                "agent_conversation",
                "conversation_message",
                "flyway_schema_history",
                "identification_failure",
                "installment",
                "loan",
                "partner",
                "payment_receipt",
                "receipt_file",
                "support_ticket"));
  }

  @Test
  void shouldProvideThePostgresAdaptersAndNoDemoDataByDefault() throws Exception {
    // given: the service started without XOFI_DEMO_DATA

    // when
    List<Class<?>> ports =
        List.of(
            context.getBean(PartnerDirectory.class).getClass(),
            context.getBean(IdentificationLedger.class).getClass(),
            context.getBean(TicketDesk.class).getClass(),
            context.getBean(ReceiptInbox.class).getClass());
    List<String> partners;
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      partners = column(statement.executeQuery("SELECT count(*) FROM partner"));
    }

    // then
    assertThat(ports)
        .isEqualTo(
            List.of(
                PostgresPartnerDirectory.class,
                PostgresIdentificationLedger.class,
                PostgresTicketDesk.class,
                PostgresReceiptInbox.class));
    assertThat(partners).isEqualTo(List.of("0"));
  }

  private static List<String> column(ResultSet result) throws SQLException {
    List<String> values = new ArrayList<>();
    while (result.next()) {
      values.add(result.getString(1));
    }
    return values;
  }
}
