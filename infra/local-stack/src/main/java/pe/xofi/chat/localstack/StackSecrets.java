package pe.xofi.chat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.crypto.bcrypt.BCrypt;
import pe.xofi.chat.membercrypto.MasterKeys;

/**
 * The credentials of one run folder: fresh random values generated once into
 * {@code <runDir>/secrets.env} (mode 0600) and reused by every later start of that folder; a
 * variable set in the environment wins over the file, so scripts can drive the stack with known
 * values. Nothing here is ever a value written in the repository.
 */
public final class StackSecrets {

  static final String FILE_NAME = "secrets.env";

  public static final String WHATSAPP_WEBHOOK_SECRET = "WHATSAPP_WEBHOOK_SECRET";
  public static final String WHATSAPP_APP_SECRET = "WHATSAPP_APP_SECRET";
  public static final String TELEGRAM_WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";
  public static final String WHATSAPP_WEBHOOK_VERIFY_TOKEN = "WHATSAPP_WEBHOOK_VERIFY_TOKEN";
  public static final String WHATSAPP_API_TOKEN = "WHATSAPP_API_TOKEN";
  public static final String TELEGRAM_BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
  public static final String OPERATOR_PASSWORD = "XOFI_STAFF_OPERATOR_PASSWORD";
  public static final String AGENT_PASSWORD = "XOFI_STAFF_AGENT_PASSWORD";
  public static final String STAFF_USERS = "XOFI_STAFF_USERS";
  /** The master key set that wraps the members' data keys (a Tink AEAD key set as JSON). */
  public static final String DATA_KEYSET = MasterKeys.ENVIRONMENT_VARIABLE;

  /** The staff user with the {@code operator} role (transcripts, lag, dead letters, actuator). */
  public static final String OPERATOR = "operador";
  /** The staff user with the {@code agent} role. */
  public static final String AGENT = "agente";

  /** The generated keys, in the file's order. */
  public static final List<String> GENERATED =
      List.of(WHATSAPP_WEBHOOK_SECRET, WHATSAPP_APP_SECRET, TELEGRAM_WEBHOOK_SECRET, WHATSAPP_WEBHOOK_VERIFY_TOKEN,
          WHATSAPP_API_TOKEN, TELEGRAM_BOT_TOKEN, OPERATOR_PASSWORD, AGENT_PASSWORD, DATA_KEYSET);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<String, String> values;
  private final Set<String> fromEnvironment;

  private StackSecrets(Path file, Map<String, String> values, Set<String> fromEnvironment) {
    this.file = file;
    this.values = Map.copyOf(values);
    this.fromEnvironment = Set.copyOf(fromEnvironment);
  }

  /**
   * The secrets of {@code runDir}: the file's values, missing ones generated and written back,
   * each replaced by a non-blank value of the same name in {@code environment}.
   */
  public static StackSecrets forRun(Path runDir, Map<String, String> environment) {
    Path file = runDir.resolve(FILE_NAME);
    Map<String, String> stored = read(file);
    Map<String, String> kept = new LinkedHashMap<>(stored);
    for (String key : GENERATED) {
      if (blank(kept.get(key))) {
        kept.put(key, generate(key));
      }
    }
    if (!staffUsersMatch(kept.get(STAFF_USERS), kept.get(OPERATOR_PASSWORD), kept.get(AGENT_PASSWORD))) {
      kept.put(STAFF_USERS, staffUsers(kept.get(OPERATOR_PASSWORD), kept.get(AGENT_PASSWORD)));
    }
    if (!kept.equals(stored)) {
      write(file, kept);
    }
    ownerOnly(file);

    Map<String, String> values = new LinkedHashMap<>();
    Set<String> fromEnvironment = new TreeSet<>();
    for (String key : GENERATED) {
      String given = environment.get(key);
      values.put(key, blank(given) ? kept.get(key) : given);
      if (!blank(given)) {
        fromEnvironment.add(key);
      }
    }
    String users = environment.get(STAFF_USERS);
    if (!blank(users)) {
      values.put(STAFF_USERS, users);
      fromEnvironment.add(STAFF_USERS);
    } else if (staffUsersMatch(kept.get(STAFF_USERS), values.get(OPERATOR_PASSWORD), values.get(AGENT_PASSWORD))) {
      values.put(STAFF_USERS, kept.get(STAFF_USERS));
    } else {
      values.put(STAFF_USERS, staffUsers(values.get(OPERATOR_PASSWORD), values.get(AGENT_PASSWORD)));
    }
    return new StackSecrets(file, values, fromEnvironment);
  }

  /** Every value in force, by variable name: the generated keys and {@code XOFI_STAFF_USERS}. */
  public Map<String, String> values() {
    return values;
  }

  public String get(String key) {
    return values.get(key);
  }

  /** The file holding the generated values. */
  public Path file() {
    return file;
  }

  /** Whether {@code key} came from the environment rather than the file. */
  public boolean fromEnvironment(String key) {
    return fromEnvironment.contains(key);
  }

  /** {@code XOFI_STAFF_USERS} for the two staff users: {@code operador:operator:<bcrypt>,agente:agent:<bcrypt>}. */
  static String staffUsers(String operatorPassword, String agentPassword) {
    return OPERATOR + ":operator:" + BCrypt.hashpw(operatorPassword, BCrypt.gensalt())
        + "," + AGENT + ":agent:" + BCrypt.hashpw(agentPassword, BCrypt.gensalt());
  }

  /** Whether {@code users} are exactly the two staff users with these passwords (so its hashes can be kept). */
  static boolean staffUsersMatch(String users, String operatorPassword, String agentPassword) {
    if (blank(users)) {
      return false;
    }
    String[] entries = users.split(",");
    return entries.length == 2
        && entryMatches(entries[0], OPERATOR + ":operator:", operatorPassword)
        && entryMatches(entries[1], AGENT + ":agent:", agentPassword);
  }

  private static boolean entryMatches(String entry, String prefix, String password) {
    if (!entry.startsWith(prefix)) {
      return false;
    }
    try {
      return BCrypt.checkpw(password, entry.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String generate(String key) {
    return switch (key) {
      // Telegram's shape <bot id>:<secret>, so a client that checks it accepts the token
      case TELEGRAM_BOT_TOKEN -> (1_000_000_000L + RANDOM.nextLong(8_000_000_000L)) + ":" + base64Url(27);
      case OPERATOR_PASSWORD, AGENT_PASSWORD -> base64Url(18);
      case DATA_KEYSET -> MasterKeys.generateJson().replaceAll("\\s+", "");
      default -> HexFormat.of().formatHex(bytes(24));
    };
  }

  private static String base64Url(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
  }

  private static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static Map<String, String> read(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return values;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (line.isBlank() || line.startsWith("#") || eq < 1) {
          continue;
        }
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
          value = value.substring(1, value.length() - 1);
        }
        values.put(line.substring(0, eq).strip(), value);
      }
      return values;
    } catch (IOException e) {
      throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  // written beside the file with 0600 from the start, then moved over it: the values are never readable by others
  private static void write(Path file, Map<String, String> values) {
    StringBuilder text = new StringBuilder()
        .append("# Secrets of this run folder, generated by ./xofi up (mode 0600, never commit it; delete it for fresh values).\n")
        .append("# A variable set in the environment wins over its value here. Use: set -a; . ").append(file.getFileName())
        .append("; set +a\n");
    // single quotes keep the $ of bcrypt hashes literal for bash and docker compose alike
    values.forEach((key, value) -> text.append(key).append('=')
        .append(value.matches("[A-Za-z0-9_:.,/+=@-]*") ? value : "'" + value + "'").append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
      Files.deleteIfExists(temporary);
      try {
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(temporary);
      } catch (FileAlreadyExistsException e) {
        throw new StackException("another start is writing " + temporary, e);
      }
      Files.writeString(temporary, text);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own ACLs apply
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict " + file + " to its owner", e);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
