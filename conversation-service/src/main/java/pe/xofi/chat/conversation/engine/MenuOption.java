package pe.xofi.chat.conversation.engine;

/** The items of the bot's menu, in order; a member may answer with an item's number. */
public enum MenuOption {
  MY_INFO(Intent.MY_INFO, "Mi información"),
  ACCOUNT_STATEMENT(Intent.ACCOUNT_STATEMENT, "Estado de cuenta"),
  LOANS(Intent.LOANS, "Mis préstamos"),
  LOAN_DETAIL(Intent.LOAN_DETAIL, "Detalle de un préstamo"),
  CREATE_TICKET(Intent.CREATE_TICKET, "Crear un ticket de soporte"),
  UPLOAD_RECEIPT(Intent.UPLOAD_RECEIPT, "Subir un comprobante de pago");

  private final Intent intent;
  private final String label;

  MenuOption(Intent intent, String label) {
    this.intent = intent;
    this.label = label;
  }

  /** The number the member types to choose this item, from 1. */
  public int number() {
    return ordinal() + 1;
  }

  public Intent intent() {
    return intent;
  }

  public String label() {
    return label;
  }

  /** The intent of menu number {@code number}, or null when no item has it. */
  static Intent intentOf(int number) {
    MenuOption[] options = values();
    return number >= 1 && number <= options.length ? options[number - 1].intent : null;
  }
}
