package pe.xofi.chat.localstack;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./xofi forget}: erases a member's conversation from PostgreSQL ({@code XOFI_DB_URL}) and
 * destroys its data key, so every record of it still retained on Kafka stays unreadable for good.
 */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Erases a member's transcripts and destroys their data key (crypto-shredding of their retained Kafka records).")
final class ForgetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--phone", required = true, paramLabel = "DIGITS",
      description = "the member's phone digits (WhatsApp) or Telegram chat id, e.g. 51987654321")
  String phone;

  @Option(names = "--channel", defaultValue = "wa", paramLabel = "wa|tg", description = "the channel (default ${DEFAULT-VALUE})")
  String channel;

  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws SQLException {
    ConversationKey key = conversationKey();
    DatabaseTarget db = DatabaseTarget.fromEnvironment(environment);
    Properties login = new Properties();
    login.setProperty("user", db.user());
    login.setProperty("password", db.password());
    Map<String, Integer> deleted;
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(db.database()), login)) {
      deleted = MemberForgetter.forget(connection, key);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Forgot " + key.masked() + ":");
    deleted.forEach((table, rows) -> out.printf("  %-30s %d rows deleted%n", table, rows));
    out.println(deleted.get("member_keys.member_data_key") > 0
        ? "Its records on Kafka can no longer be opened. Services that opened them in the last "
            + DataKeys.DEFAULT_TTL_MINUTES + " minutes keep the key cached until it expires (at most "
            + DataKeys.DEFAULT_TTL_MINUTES + " minutes from now)."
        : "It had no data key: nothing it sent was sealed, or it was forgotten before.");
    return 0;
  }

  private ConversationKey conversationKey() {
    try {
      return new ConversationKey(Channel.ofPrefix(channel), phone);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--phone is the digits of a phone or chat id, --channel is wa or tg");
    }
  }
}
