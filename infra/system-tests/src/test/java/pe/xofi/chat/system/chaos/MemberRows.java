package pe.xofi.chat.system.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.system.RunningStack;

/** Tickets and receipts in the member database, counted per source message id. */
final class MemberRows {

  private MemberRows() {}

  static Map<String, Integer> tickets(LocalStack stack, Set<String> messageIds) {
    return countBySource(stack, "support_ticket", messageIds);
  }

  static Map<String, Integer> receipts(LocalStack stack, Set<String> messageIds) {
    return countBySource(stack, "payment_receipt", messageIds);
  }

  private static Map<String, Integer> countBySource(LocalStack stack, String table, Set<String> messageIds) {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection c = RunningStack.database(stack);
        PreparedStatement query = c.prepareStatement(
            "SELECT source_message_id, count(*) FROM " + table + " WHERE source_message_id = ANY (?) GROUP BY source_message_id")) {
      Array ids = c.createArrayOf("varchar", messageIds.toArray());
      query.setArray(1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count " + table + " rows", e);
    }
    return counts;
  }
}
