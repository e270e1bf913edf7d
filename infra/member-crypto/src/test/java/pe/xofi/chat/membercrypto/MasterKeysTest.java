package pe.xofi.chat.membercrypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterKeysTest {

  @Test
  void shouldRefuseToStartWithoutTheKeySetNamingTheVariable() {
    // given
    Map<String, String> environment = Map.of();

    // when / then
    assertThatThrownBy(() -> MasterKeys.fromEnvironment(environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("XOFI_DATA_KEYSET is not set: members' data cannot be sealed or opened");
  }

  @Test
  void shouldRefuseAMalformedKeySetWithoutEchoingIt() {
    // given
    String notAKeyset = "{\"primaryKeyId\":1,\"key\":[{\"secret\":\"s3cr3t-value\"}]}";

    // when / then
    assertThatThrownBy(() -> MasterKeys.fromJson(notAKeyset))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("XOFI_DATA_KEYSET is not a Tink AEAD key set in JSON");
  }
}
