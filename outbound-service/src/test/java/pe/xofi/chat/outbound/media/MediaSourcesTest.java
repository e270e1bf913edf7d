package pe.xofi.chat.outbound.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which URLs a media download may go to, and where the token may go, in production and locally. */
class MediaSourcesTest {

  static final List<MediaHost> META_HOSTS = List.of(MediaHost.parse("lookaside.fbsbx.com"), MediaHost.parse("*.fbcdn.net"));
  static final MediaSources META = new MediaSources("Meta", URI.create("https://graph.facebook.com"), META_HOSTS, false);
  static final MediaSources WHAPI = new MediaSources("WHAPI", URI.create("https://gate.whapi.cloud"),
      List.of(MediaHost.parse("s3.eu-central-1.wasabisys.com/in-files/")), false);
  static final MediaSources LOCAL_SANDBOX = new MediaSources("WHAPI", URI.create("http://localhost:8090"), List.of(), true);

  private static Map<String, Optional<String>> problems(MediaSources sources, String... urls) {
    Map<String, Optional<String>> problems = new LinkedHashMap<>();
    for (String url : urls) {
      problems.put(url, sources.problemWith(URI.create(url)));
    }
    return problems;
  }

  @Test
  void shouldAllowMetaMediaOnlyOnItsCdnOverHttps() {
    // when
    Map<String, Optional<String>> problems = problems(META,
        "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3",
        "https://scontent.xx.fbcdn.net/v/t61/1.jpg",
        "https://graph.facebook.com/v21.0/123",
        "http://lookaside.fbsbx.com/whatsapp_business/attachments/",
        "https://lookaside.fbsbx.com.evil.example/x",
        "https://evilfbcdn.net/x",
        "https://attacker.example/collect",
        "https://lookaside.fbsbx.com@attacker.example/x",
        "https://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd");
    // then
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    expected.put("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3", Optional.empty());
    expected.put("https://scontent.xx.fbcdn.net/v/t61/1.jpg", Optional.empty());
    expected.put("https://graph.facebook.com/v21.0/123", Optional.empty());
    expected.put("http://lookaside.fbsbx.com/whatsapp_business/attachments/", Optional.of("not HTTPS"));
    expected.put("https://lookaside.fbsbx.com.evil.example/x",
        Optional.of("host lookaside.fbsbx.com.evil.example is not one of Meta's media hosts"));
    expected.put("https://evilfbcdn.net/x", Optional.of("host evilfbcdn.net is not one of Meta's media hosts"));
    expected.put("https://attacker.example/collect", Optional.of("host attacker.example is not one of Meta's media hosts"));
    expected.put("https://lookaside.fbsbx.com@attacker.example/x", Optional.of("the URL carries user information"));
    expected.put("https://169.254.169.254/latest/meta-data/",
        Optional.of("host 169.254.169.254 is not one of Meta's media hosts"));
    expected.put("file:///etc/passwd", Optional.of("not an HTTP URL with a host"));
    assertThat(problems).containsExactlyEntriesOf(expected);
  }

  @Test
  void shouldFollowWhapiLinksOnlyIntoItsMediaBucket() {
    // when
    Map<String, Optional<String>> problems = problems(WHAPI,
        "https://s3.eu-central-1.wasabisys.com/in-files/51987654321/jpeg-5ea3.jpeg",
        "https://s3.eu-central-1.wasabisys.com/attacker-bucket/page.jpeg",
        "https://s3.eu-central-1.wasabisys.com/in-files/../attacker-bucket/page.jpeg",
        "https://s3.eu-central-1.wasabisys.com/in-files/%2E%2E/attacker-bucket/page.jpeg",
        "https://s3.eu-central-1.wasabisys.com:8443/in-files/x.jpeg",
        "https://gate.whapi.cloud/media/jpeg-1");
    // then
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    expected.put("https://s3.eu-central-1.wasabisys.com/in-files/51987654321/jpeg-5ea3.jpeg", Optional.empty());
    expected.put("https://s3.eu-central-1.wasabisys.com/attacker-bucket/page.jpeg",
        Optional.of("host s3.eu-central-1.wasabisys.com is not one of WHAPI's media hosts"));
    expected.put("https://s3.eu-central-1.wasabisys.com/in-files/../attacker-bucket/page.jpeg",
        Optional.of("host s3.eu-central-1.wasabisys.com is not one of WHAPI's media hosts"));
    expected.put("https://s3.eu-central-1.wasabisys.com/in-files/%2E%2E/attacker-bucket/page.jpeg",
        Optional.of("host s3.eu-central-1.wasabisys.com is not one of WHAPI's media hosts"));
    expected.put("https://s3.eu-central-1.wasabisys.com:8443/in-files/x.jpeg",
        Optional.of("host s3.eu-central-1.wasabisys.com is not one of WHAPI's media hosts"));
    expected.put("https://gate.whapi.cloud/media/jpeg-1", Optional.empty());
    assertThat(problems).containsExactlyEntriesOf(expected);
  }

  @Test
  void shouldAllowOnlyTheSandboxOriginItselfInTheLocalProfile() {
    // when
    Map<String, Optional<String>> problems = problems(LOCAL_SANDBOX,
        "http://localhost:8090/media/jpeg-1",
        "http://localhost:8081/ops/conversations/51912345678",
        "http://127.0.0.1:8090/media/jpeg-1",
        "https://localhost:8090/media/jpeg-1");
    // then
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    expected.put("http://localhost:8090/media/jpeg-1", Optional.empty());
    expected.put("http://localhost:8081/ops/conversations/51912345678", Optional.of("not HTTPS"));
    expected.put("http://127.0.0.1:8090/media/jpeg-1", Optional.of("not HTTPS"));
    expected.put("https://localhost:8090/media/jpeg-1", Optional.of("host localhost is not one of WHAPI's media hosts"));
    assertThat(problems).containsExactlyEntriesOf(expected);
  }

  @Test
  void shouldRefuseAnAllowListedAddressLiteralThatIsNotPublic() {
    // given: an operator allow-listed the cluster's metadata address by mistake
    MediaSources sources = new MediaSources("Meta", URI.create("https://graph.facebook.com"),
        List.of(MediaHost.parse("169.254.169.254")), false);
    // when
    Optional<String> problem = sources.problemWith(URI.create("https://169.254.169.254/latest/meta-data/"));
    // then
    assertThat(problem).contains("address 169.254.169.254 is not public");
  }

  @Test
  void shouldSendTheTokenOnlyToTheApiOrigin() {
    // when
    List<Boolean> api = List.of(
        WHAPI.isApi(URI.create("https://gate.whapi.cloud/media/jpeg-1")),
        WHAPI.isApi(URI.create("https://GATE.whapi.cloud:443/media/jpeg-1")),
        WHAPI.isApi(URI.create("https://s3.eu-central-1.wasabisys.com/in-files/1/jpeg-1.jpeg")),
        WHAPI.isApi(URI.create("http://gate.whapi.cloud/media/jpeg-1")),
        WHAPI.isApi(URI.create("https://gate.whapi.cloud:8443/media/jpeg-1")),
        WHAPI.isApi(URI.create("https://gate.whapi.cloud.attacker.example/media/jpeg-1")));
    // then
    assertThat(api).containsExactly(true, true, false, false, false, false);
  }

  @Test
  void shouldCountOnlyPublicUnicastAddressesAsPublic() throws UnknownHostException {
    // given
    List<String> addresses = List.of("8.8.8.8", "157.240.1.1", "2a03:2880:f10c:83:face:b00c:0:25de",
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0",
        "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::1");
    // when
    Map<String, Boolean> verdicts = new LinkedHashMap<>();
    for (String address : addresses) {
      verdicts.put(address, PublicAddresses.isPublic(InetAddress.getByName(address)));
    }
    // then
    Map<String, Boolean> expected = new LinkedHashMap<>();
    addresses.forEach(address -> expected.put(address, false));
    expected.put("8.8.8.8", true);
    expected.put("157.240.1.1", true);
    expected.put("2a03:2880:f10c:83:face:b00c:0:25de", true);
    assertThat(verdicts).containsExactlyEntriesOf(expected);
  }
}
