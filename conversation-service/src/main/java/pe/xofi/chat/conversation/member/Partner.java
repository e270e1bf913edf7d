package pe.xofi.chat.conversation.member;

import java.time.LocalDate;

/**
 * A member (socio) of the cooperative as the bot may show it to that same member.
 *
 * @param id        the database id
 * @param code      the member code, e.g. {@code SOC-0001}
 * @param dni       the national id (8 digits); shown masked except its last 3 digits
 * @param firstNames given names, e.g. {@code María Elena}
 * @param lastNames  family names, e.g. {@code Quispe Huamán}
 * @param birthDate  birth date; only its year is used, to authenticate
 * @param phone      WhatsApp phone digits with country code, e.g. {@code 51987654321}
 * @param email      e-mail address, may be null
 * @param address    postal address, may be null
 * @param status     membership status
 */
public record Partner(
    long id,
    String code,
    String dni,
    String firstNames,
    String lastNames,
    LocalDate birthDate,
    String phone,
    String email,
    String address,
    PartnerStatus status) {

  /** The first given name, used to greet the member. */
  public String firstName() {
    int space = firstNames.indexOf(' ');
    return space < 0 ? firstNames : firstNames.substring(0, space);
  }

  public String fullName() {
    return firstNames + " " + lastNames;
  }
}
