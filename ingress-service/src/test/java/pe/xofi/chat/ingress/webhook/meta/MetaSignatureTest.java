package pe.xofi.chat.ingress.webhook.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetaSignatureTest {

  @Test
  void shouldMatchTheHmacSha256OfTheRawBodyUnderTheAppSecret() {
    // given: the value Python's hmac.new(b"secret", b"{}", hashlib.sha256).hexdigest() gives
    MetaSignature signature = MetaSignature.of("secret");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    // when
    boolean forged =
        signature.matches(body, "sha256=6d3a5b1e1a6e6fcbd6b5a0a7cc3c9b1ad1d6c1a52e5ea5a0a1f5b1f5d4e5c3a2");
    boolean computed = signature.matches(body, MetaSignature.header("secret", body));

    // then
    assertThat(forged).isFalse();
    assertThat(computed).isTrue();
    assertThat(MetaSignature.header("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void shouldRefuseEverySignatureWhenNoAppSecretIsConfigured() {
    // given
    MetaSignature signature = MetaSignature.of(" ");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    // when / then
    assertThat(signature.configured()).isFalse();
    assertThat(signature.matches(body, MetaSignature.header("anything", body))).isFalse();
  }
}
