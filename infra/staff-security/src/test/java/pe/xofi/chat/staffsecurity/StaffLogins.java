package pe.xofi.chat.staffsecurity;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The test logins: an operator and an agent with bcrypt hashes (cost 4, to keep tests quick). */
final class StaffLogins {

  static final String OPERATOR = "ana";
  static final String OPERATOR_PASSWORD = "clave-operador";
  static final String AGENT = "luis";
  static final String AGENT_PASSWORD = "clave-agente";

  static final String USERS = OPERATOR + ":operator:" + hash(OPERATOR_PASSWORD) + "," + AGENT + ":agent:" + hash(AGENT_PASSWORD);

  static void register(DynamicPropertyRegistry registry) {
    registry.add("xofi.staff.users", () -> USERS);
  }

  static String hash(String password) {
    return new BCryptPasswordEncoder(4).encode(password);
  }

  private StaffLogins() {}
}
