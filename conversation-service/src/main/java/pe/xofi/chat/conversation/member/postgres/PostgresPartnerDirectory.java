package pe.xofi.chat.conversation.member.postgres;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.conversation.member.PartnerStatus;
import pe.xofi.chat.conversation.member.postgres.LoanSchedules.ScheduleRow;

/** Reads partners and their loans from the {@code partner}, {@code loan} and {@code installment} tables. */
public final class PostgresPartnerDirectory implements PartnerDirectory {

  private static final String PARTNER_COLUMNS =
      "id, code, dni, first_names, last_names, birth_date, phone, email, address, status";

  private final BlockingDatabase database;

  public PostgresPartnerDirectory(BlockingDatabase database) {
    this.database = database;
  }

  @Override
  public Optional<Partner> findByDni(String dni) {
    return database.one(
        "find partner by DNI",
        database
            .client()
            .sql("SELECT " + PARTNER_COLUMNS + " FROM partner WHERE dni = :dni")
            .bind("dni", dni)
            .map(PostgresPartnerDirectory::partner)
            .one());
  }

  @Override
  public Optional<Partner> findById(long partnerId) {
    return database.one(
        "find partner by id",
        database
            .client()
            .sql("SELECT " + PARTNER_COLUMNS + " FROM partner WHERE id = :id")
            .bind("id", partnerId)
            .map(PostgresPartnerDirectory::partner)
            .one());
  }

  @Override
  public List<Loan> loansOf(long partnerId) {
    List<ScheduleRow> rows =
        database.all(
            "list loans of partner",
            database
                .client()
                .sql(
                    """
                    SELECT l.code, l.product, l.principal, l.annual_rate, l.term_months, l.disbursed_on, l.status,
                           i.number, i.due_date, i.amount, i.paid_amount, i.paid_on
                    FROM loan l LEFT JOIN installment i ON i.loan_id = l.id
                    WHERE l.partner_id = :partnerId
                    ORDER BY l.code, i.number
                    """)
                .bind("partnerId", partnerId)
                .map(PostgresPartnerDirectory::scheduleRow)
                .all());
    return LoanSchedules.assemble(rows);
  }

  private static Partner partner(Readable row) {
    return new Partner(
        row.get("id", Long.class),
        row.get("code", String.class),
        row.get("dni", String.class),
        row.get("first_names", String.class),
        row.get("last_names", String.class),
        row.get("birth_date", LocalDate.class),
        row.get("phone", String.class),
        row.get("email", String.class),
        row.get("address", String.class),
        PartnerStatus.valueOf(row.get("status", String.class)));
  }

  private static ScheduleRow scheduleRow(Readable row) {
    Integer number = row.get("number", Integer.class);
    Installment installment =
        number == null
            ? null
            : new Installment(
                number,
                row.get("due_date", LocalDate.class),
                row.get("amount", BigDecimal.class),
                row.get("paid_amount", BigDecimal.class),
                row.get("paid_on", LocalDate.class));
    return new ScheduleRow(
        row.get("code", String.class),
        row.get("product", String.class),
        row.get("principal", BigDecimal.class),
        row.get("annual_rate", BigDecimal.class),
        row.get("term_months", Integer.class),
        row.get("disbursed_on", LocalDate.class),
        LoanStatus.valueOf(row.get("status", String.class)),
        installment);
  }
}
