package pe.xofi.chat.conversation.engine;

/** The items of the bot's menu, in order; a member may answer with an item's number. */
public enum MenuOption {
  MY_INFO(Intent.MY_INFO, "Mi información", "Mi información", "Tus datos personales"),
  ACCOUNT_STATEMENT(
      Intent.ACCOUNT_STATEMENT, "Estado de cuenta", "Estado de cuenta", "El resumen de tus deudas"),
  LOANS(Intent.LOANS, "Mis préstamos", "Mis préstamos", "Todos tus préstamos"),
  LOAN_DETAIL(
      Intent.LOAN_DETAIL, "Detalle de un préstamo", "Detalle de un préstamo", "Las cuotas de un préstamo"),
  CREATE_TICKET(
      Intent.CREATE_TICKET, "Crear un ticket de soporte", "Ticket de soporte", "Crear un ticket de soporte"),
  UPLOAD_RECEIPT(
      Intent.UPLOAD_RECEIPT,
      "Subir un comprobante de pago",
      "Comprobante de pago",
      "Subir un comprobante de pago");

  private final Intent intent;
  private final String label;
  private final String title;
  private final String description;

  /**
   * @param label       the item in the text menu
   * @param title       the list row's title (WhatsApp: ≤ 24 characters)
   * @param description the list row's description (WhatsApp: ≤ 72 characters)
   */
  MenuOption(Intent intent, String label, String title, String description) {
    this.intent = intent;
    this.label = label;
    this.title = title;
    this.description = description;
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

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** The intent of menu number {@code number}, or null when no item has it. */
  static Intent intentOf(int number) {
    MenuOption[] options = values();
    return number >= 1 && number <= options.length ? options[number - 1].intent : null;
  }
}
