package pe.xofi.chat.conversation.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.engine.auth.PhoneBinding;

/**
 * The identification rules as configured ({@code xofi.auth.*}); {@link AuthPolicy} checks them.
 *
 * @param dniMaxFailuresPerDay failures of one DNI from all numbers within a day that lock it for a day
 * @param sessionMaxLifetime   the longest a session lasts, however active
 * @param phoneBinding         {@code off}, {@code warn} or {@code require}
 */
@ConfigurationProperties("xofi.auth")
record AuthProperties(
    @DefaultValue("10") int dniMaxFailuresPerDay,
    @DefaultValue("60m") Duration sessionMaxLifetime,
    @DefaultValue("warn") PhoneBinding phoneBinding) {

  AuthPolicy policy() {
    return new AuthPolicy(dniMaxFailuresPerDay, sessionMaxLifetime, phoneBinding);
  }
}
