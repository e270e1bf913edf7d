package pe.xofi.chat.localstack;

import java.net.URI;
import java.util.Map;

/**
 * The PostgreSQL database of the member domain, from {@code XOFI_DB_URL} ({@code
 * postgresql://host:port/db}; a {@code jdbc:} or {@code r2dbc:} prefix is accepted), {@code
 * XOFI_DB_USER} and {@code XOFI_DB_PASSWORD}.
 */
public record DatabaseTarget(String host, int port, String database, String user, String password) {

  public static final String DEFAULT_URL = "postgresql://localhost:5432/xofi";

  /** Reads the target from the environment, with the documented defaults. */
  public static DatabaseTarget fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault("XOFI_DB_URL", DEFAULT_URL);
    String plain = url.replaceFirst("^(jdbc:|r2dbc:)", "");
    URI uri = URI.create(plain);
    if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "XOFI_DB_URL must look like postgresql://localhost:5432/xofi, got: " + url);
    }
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "xofi" : uri.getPath().substring(1);
    return new DatabaseTarget(
        uri.getHost(),
        uri.getPort() < 0 ? 5432 : uri.getPort(),
        db,
        env.getOrDefault("XOFI_DB_USER", "postgres"),
        env.getOrDefault("XOFI_DB_PASSWORD", ""));
  }

  public String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
  }

  /** The URL form the services read from {@code XOFI_DB_URL}. */
  public String url() {
    return "postgresql://" + host + ":" + port + "/" + database;
  }
}
