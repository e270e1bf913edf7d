package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.JdbcMemberKeyStore;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.MemberKeySchema;
import pe.xofi.chat.membercrypto.Opened;
import pe.xofi.chat.membercrypto.RecordSealer;
import pe.xofi.chat.schemas.privacy.Sealed;
import pe.xofi.chat.testsupport.PostgresTestDatabase;
import picocli.CommandLine;

/** {@code ./xofi forget} against a real PostgreSQL with the member domain's own migrations. */
class ForgetCommandIT {

  private static final String MEMBER = "wa:51987654321";
  private static final String OTHER = "wa:51911111111";

  private static PostgresTestDatabase db;
  private static PGSimpleDataSource dataSource;
  private static final String KEYSET = MasterKeys.generateJson();

  @BeforeAll
  static void database() throws IOException {
    db = PostgresTestDatabase.create("forget_it");
    try (Stream<Path> files = Files.list(Path.of("../../conversation-service/src/main/resources/db/migration"))) {
      for (Path migration : files.filter(f -> f.getFileName().toString().matches("V[0-9]+__.*\\.sql"))
          .sorted((a, b) -> Integer.compare(version(a), version(b))).toList()) {
        db.execute(Files.readString(migration));
      }
    }
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.jdbcUrl());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    MemberKeySchema.migrate(dataSource);
  }

  @AfterAll
  static void drop() {
    db.drop();
  }

  @Test
  void shouldMakeTheMembersSealedRecordsUnreadableAndEraseTheirRows() throws SQLException {
    // given: records sealed for two members, their transcripts, projection and a failed identification
    RecordSealer sealer = sealer();
    Sealed identification = sealer.seal(MEMBER, "wamid.1", "DNI 12345678 año 1990");
    Sealed reply = sealer.seal(MEMBER, "wamid.1#1", "{\"type\":\"text\",\"body\":\"Hola Ana\"}");
    Sealed other = sealer.seal(OTHER, "wamid.9", "Hola");
    for (String key : new String[] {MEMBER, OTHER}) {
      db.execute("INSERT INTO conversation_message (conversation_key, direction, message_id, text)"
          + " VALUES ('" + key + "', 'IN', '" + key + "-m1', 'DNI ******** año ****')");
      db.execute("INSERT INTO agent_conversation (conversation_key, channel, whatsapp_phone)"
          + " VALUES ('" + key + "', 'WHATSAPP', '" + key.substring(3) + "')");
    }
    db.execute("INSERT INTO partner (code, dni, first_names, last_names, birth_date) VALUES ('SOC-1', '12345678', 'Ana', 'Q', '1990-01-01')");
    db.execute("INSERT INTO identification_failure (partner_id, conversation_key, message_id, failed_at)"
        + " SELECT id, '" + MEMBER + "', 'wamid.0', now() FROM partner");

    // when
    StringWriter out = new StringWriter();
    int code = forget(out, "--phone", "51987654321");

    // then: a fresh instance (nothing cached) cannot open the member's records; the other member's still open
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(
        """
        Forgot wa:*******4321:
          member_keys.member_data_key    1 rows deleted
          public.conversation_message    1 rows deleted
          public.agent_conversation      1 rows deleted
          public.identification_failure  1 rows deleted
        Its records on Kafka can no longer be opened. Services that opened them in the last 10 minutes \
        keep the key cached until it expires (at most 10 minutes from now).
        """);
    RecordSealer afterForget = sealer();
    assertThat(afterForget.open(MEMBER, "wamid.1", identification)).isEqualTo(new Opened.Forgotten());
    assertThat(afterForget.open(MEMBER, "wamid.1#1", reply)).isEqualTo(new Opened.Forgotten());
    assertThat(afterForget.open(OTHER, "wamid.9", other)).isInstanceOf(Opened.Plain.class);
    assertThat(count("member_keys.member_data_key", MEMBER)).isZero();
    assertThat(count("conversation_message", MEMBER)).isZero();
    assertThat(count("agent_conversation", MEMBER)).isZero();
    assertThat(count("identification_failure", MEMBER)).isZero();
    assertThat(count("conversation_message", OTHER)).isOne();
    assertThat(count("agent_conversation", OTHER)).isOne();
  }

  @Test
  void shouldSayWhenAMemberHadNoDataKey() {
    // when
    StringWriter out = new StringWriter();
    int code = forget(out, "--phone", "123456", "--channel", "tg");

    // then
    assertThat(code).isZero();
    assertThat(out.toString()).endsWith("It had no data key: nothing it sent was sealed, or it was forgotten before.\n");
  }

  @Test
  void shouldRefuseAPhoneThatIsNotDigits() {
    // when
    int code = forget(new StringWriter(), "--phone", "51987'; DROP TABLE partner; --");

    // then
    assertThat(code).isEqualTo(2);
  }

  @Test
  void shouldPrintItsHelpAndExitZero() {
    // given
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new XofiStack());
    cli.setOut(new PrintWriter(out, true));

    // when
    int code = cli.execute("forget", "--help");

    // then
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: xofi forget", "--phone=DIGITS", "--channel=wa|tg");
  }

  private static RecordSealer sealer() {
    return new RecordSealer(new DataKeys(MasterKeys.fromJson(KEYSET), new JdbcMemberKeyStore(dataSource)));
  }

  private static int forget(StringWriter out, String... args) {
    ForgetCommand command = new ForgetCommand();
    command.environment = Map.of("XOFI_DB_URL", db.url(), "XOFI_DB_USER", db.user(), "XOFI_DB_PASSWORD", db.password());
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  private static int count(String table, String key) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT count(*) FROM " + table + " WHERE conversation_key = '" + key + "'")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static int version(Path migration) {
    String name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}
