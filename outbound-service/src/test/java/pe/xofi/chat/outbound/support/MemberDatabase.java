package pe.xofi.chat.outbound.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * conversation-service's member domain in a fresh test database (its own Flyway migrations from its
 * jar), with the rows a media test needs and readers for what the media stage wrote.
 */
public final class MemberDatabase {

  /** A {@code payment_receipt} as the media stage leaves it. */
  public record ReceiptRow(String status, String failureReason, Instant updatedAt) {}

  /** A {@code receipt_file} row, its bytes as hex so rows compare as values. */
  public record FileRow(String bytesHex, String sha256, long size, String mimeType, Instant storedAt) {

    public static FileRow of(byte[] bytes, String sha256, String mimeType, Instant storedAt) {
      return new FileRow(HexFormat.of().formatHex(bytes), sha256, bytes.length, mimeType, storedAt);
    }
  }

  private final PostgresTestDatabase db;
  private final long partnerId;

  private MemberDatabase(PostgresTestDatabase db, long partnerId) {
    this.db = db;
    this.partnerId = partnerId;
  }

  /** A new database with every migration of conversation-service applied and one partner. */
  public static MemberDatabase create(String prefix) {
    PostgresTestDatabase db = PostgresTestDatabase.create(prefix);
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration").load().migrate();
    db.execute("INSERT INTO partner (code, dni, first_names, last_names, birth_date, phone) "
        + "VALUES ('SOC-0001', '12345678', 'María', 'Quispe Huamán', DATE '1985-03-14', '51987654321')");
    return new MemberDatabase(db, 1L);
  }

  public PostgresTestDatabase database() {
    return db;
  }

  /** A receipt registered by the engine in conversation {@code conversationKey}, waiting for its file. */
  public void pendingReceipt(String number, String conversationKey, String mediaId, String mimeType) {
    update("INSERT INTO payment_receipt (number, partner_id, amount, paid_on, provider, media_id, mime_type, "
        + "conversation_key, source_message_id) VALUES (?, ?, 500.00, DATE '2025-01-15', 'WHAPI', ?, ?, ?, ?)",
        number, partnerId, mediaId, mimeType, conversationKey, "p.source-" + number);
  }

  public ReceiptRow receipt(String number) {
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT status, failure_reason, updated_at FROM payment_receipt WHERE number = ?")) {
      s.setString(1, number);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new ReceiptRow(r.getString(1), r.getString(2), r.getObject(3, OffsetDateTime.class).toInstant());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<FileRow> files(String number) {
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT f.bytes, f.sha256, f.size_bytes, f.mime_type, f.stored_at FROM receipt_file f "
            + "JOIN payment_receipt r ON r.id = f.receipt_id WHERE r.number = ?")) {
      s.setString(1, number);
      List<FileRow> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(new FileRow(HexFormat.of().formatHex(r.getBytes(1)), r.getString(2), r.getLong(3),
              r.getString(4), r.getObject(5, OffsetDateTime.class).toInstant()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void drop() {
    db.drop();
  }

  private void update(String sql, Object... values) {
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
