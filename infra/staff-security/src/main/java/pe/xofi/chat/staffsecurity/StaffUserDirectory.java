package pe.xofi.chat.staffsecurity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/** The configured staff logins; an unknown name finds nobody, and with no users nobody logs in. */
public final class StaffUserDirectory implements ReactiveUserDetailsService {

  private final Map<String, StaffUser> users;

  public StaffUserDirectory(List<StaffUser> users) {
    this.users = users.stream().collect(Collectors.toUnmodifiableMap(StaffUser::name, Function.identity()));
  }

  public boolean isEmpty() {
    return users.isEmpty();
  }

  @Override
  public Mono<UserDetails> findByUsername(String username) {
    StaffUser user = users.get(username);
    if (user == null) {
      return Mono.empty();
    }
    return Mono.just(
        User.withUsername(user.name())
            // the DelegatingPasswordEncoder's id: the variable holds the bare bcrypt hash
            .password("{bcrypt}" + user.passwordHash())
            .authorities(user.roles().stream().map(StaffRole::authority).toArray(String[]::new))
            .build());
  }
}
