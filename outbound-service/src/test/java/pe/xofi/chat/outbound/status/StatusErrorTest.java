package pe.xofi.chat.outbound.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.status.ProviderStatus;
import tools.jackson.databind.json.JsonMapper;

class StatusErrorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void shouldDescribeTheProvidersErrorOfAFailedStatus() {
    // given
    ProviderStatus meta = failed(Provider.META, """
        {"id":"wamid.1","status":"failed","errors":[{"code":131026,"title":"Message undeliverable",
         "error_data":{"details":"Receiver is incapable of receiving this message"}}]}""");
    ProviderStatus whapi = failed(Provider.WHAPI, """
        {"id":"p.1","status":"failed","errors":[{"code":404,"message":"recipient not on WhatsApp"}]}""");
    ProviderStatus bare = failed(Provider.WHAPI, """
        {"id":"p.2","status":"failed"}""");
    // when
    List<String> errors = java.util.Arrays.asList(StatusError.of(meta), StatusError.of(whapi), StatusError.of(bare));
    // then
    assertThat(errors).containsExactly(
        "131026 Message undeliverable: Receiver is incapable of receiving this message",
        "404 recipient not on WhatsApp",
        null);
  }

  private static ProviderStatus failed(Provider provider, String raw) {
    return new ProviderStatus(provider, "wa:51987654321", "id", "failed", Instant.EPOCH, null, JSON.readTree(raw));
  }
}
