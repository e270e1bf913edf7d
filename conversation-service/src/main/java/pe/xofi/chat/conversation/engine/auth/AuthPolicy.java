package pe.xofi.chat.conversation.engine.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * The identification rules an operator may tune ({@code xofi.auth.*}).
 *
 * @param dniMaxFailuresPerDay failures of one DNI, from all numbers together within a day, that lock
 *                             it for a day ({@link LockLadder#forDni})
 * @param sessionMaxLifetime   a session ends this long after the identification, however active
 * @param phoneBinding         whether a WhatsApp member must write from their registered phone
 */
public record AuthPolicy(int dniMaxFailuresPerDay, Duration sessionMaxLifetime, PhoneBinding phoneBinding) {

  public static final int DEFAULT_DNI_MAX_FAILURES_PER_DAY = 10;
  public static final Duration DEFAULT_SESSION_MAX_LIFETIME = Duration.ofMinutes(60);
  public static final PhoneBinding DEFAULT_PHONE_BINDING = PhoneBinding.WARN;

  public AuthPolicy {
    if (dniMaxFailuresPerDay < 1) {
      throw new IllegalArgumentException("xofi.auth.dni-max-failures-per-day must be at least 1");
    }
    Objects.requireNonNull(sessionMaxLifetime, "sessionMaxLifetime");
    if (sessionMaxLifetime.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("xofi.auth.session-max-lifetime must be at least one minute");
    }
    Objects.requireNonNull(phoneBinding, "phoneBinding");
  }

  /** 10 failures a day per DNI, sessions of at most 60 minutes, identifications from other numbers reported. */
  public static AuthPolicy defaults() {
    return new AuthPolicy(DEFAULT_DNI_MAX_FAILURES_PER_DAY, DEFAULT_SESSION_MAX_LIFETIME, DEFAULT_PHONE_BINDING);
  }

  public AuthPolicy withPhoneBinding(PhoneBinding binding) {
    return new AuthPolicy(dniMaxFailuresPerDay, sessionMaxLifetime, binding);
  }

  public AuthPolicy withSessionMaxLifetime(Duration lifetime) {
    return new AuthPolicy(dniMaxFailuresPerDay, lifetime, phoneBinding);
  }

  public AuthPolicy withDniMaxFailuresPerDay(int failures) {
    return new AuthPolicy(failures, sessionMaxLifetime, phoneBinding);
  }
}
