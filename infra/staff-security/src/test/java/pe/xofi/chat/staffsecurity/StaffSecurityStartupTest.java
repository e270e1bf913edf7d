package pe.xofi.chat.staffsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;

@ExtendWith(OutputCaptureExtension.class)
class StaffSecurityStartupTest {

  private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuZ0e8Cq8vB3b1Jq3T0wqk1yYw7b5pQ9e";

  private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StaffSecurityAutoConfiguration.class));

  @Test
  void shouldRefuseToStartWithAMalformedUserWithoutPrintingTheHash() {
    runner.withPropertyValues("xofi.staff.users=ana:operador:" + HASH).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessage("XOFI_STAFF_USERS entry 1 (user ana) is malformed: roles are operator and/or agent joined by +");
      assertThat(stackOf(context.getStartupFailure())).doesNotContain(HASH);
    });
  }

  @Test
  void shouldRefuseToStartWithATrustedNetworkThatIsNoAddress() {
    runner.withPropertyValues("xofi.staff.management-trusted-networks=intranet.local").run(context -> {
      assertThat(context).hasFailed();
      assertThat(stackOf(context.getStartupFailure()))
          .contains("XOFI_MANAGEMENT_TRUSTED_NETWORKS: 'intranet.local' is not an IP address or CIDR");
    });
  }

  @Test
  void shouldStartWithoutUsersAndWarnThatNobodyCanLogIn(CapturedOutput output) {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SecurityWebFilterChain.class).hasSingleBean(ReactiveUserDetailsService.class);
      assertThat(output).contains("XOFI_STAFF_USERS is empty: nobody can log in with a password");
    });
  }

  private static String stackOf(Throwable failure) {
    var out = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
