package pe.xofi.chat.outbound.media;

import io.netty.channel.ChannelOption;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;

/**
 * Where one provider's media may be downloaded from: its API origin and its media hosts, over HTTPS,
 * at public addresses only. In the {@code local} profile the API origin alone may also be plain
 * HTTP on a private address (the sandbox on localhost); nothing else is relaxed.
 */
public final class MediaSources {

  /** The Spring profile of the local stack and the tests against the in-process sandbox. */
  public static final String LOCAL_PROFILE = "local";

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[[0-9a-fA-F:.]+]");

  private final String provider;
  private final URI api;
  private final List<MediaHost> mediaHosts;
  private final boolean local;

  /**
   * @param provider   the provider's name in failure reasons, e.g. {@code WHAPI}
   * @param api        the provider's API root (the token's only destination)
   * @param mediaHosts the provider's media hosts besides the API origin
   * @param local      whether the {@code local} profile is active
   */
  public MediaSources(String provider, URI api, List<MediaHost> mediaHosts, boolean local) {
    this.provider = provider;
    this.api = api;
    this.mediaHosts = List.copyOf(mediaHosts);
    this.local = local;
  }

  /** Whether {@code environment} runs the {@code local} profile. */
  public static boolean isLocal(Environment environment) {
    return environment.matchesProfiles(LOCAL_PROFILE);
  }

  public URI api() {
    return api;
  }

  public String provider() {
    return provider;
  }

  /** Whether {@code uri} has the API's scheme, host and port: the only place the token may go. */
  public boolean isApi(URI uri) {
    return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(api.getScheme())
        && uri.getHost() != null && uri.getHost().equalsIgnoreCase(api.getHost())
        && portOf(uri) == portOf(api);
  }

  /** {@code url} if a download may be made from it, else a permanent {@code UNSAFE_SOURCE} failure. */
  public URI require(String url) {
    try {
      return require(new URI(url));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw refused("not a valid URL");
    }
  }

  /** {@code uri} if a download may be made from it, else a permanent {@code UNSAFE_SOURCE} failure. */
  public URI require(URI uri) {
    problemWith(uri).ifPresent(problem -> {
      throw refused(problem);
    });
    return uri;
  }

  /** Why no download may be made from {@code uri}, if it may not. */
  public Optional<String> problemWith(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("not an HTTP URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("the URL carries user information");
    }
    if (local && isApi(uri)) {
      return Optional.empty();
    }
    if (!scheme.equals("https")) {
      return Optional.of("not HTTPS");
    }
    if (!isApi(uri) && mediaHosts.stream().noneMatch(host -> host.matches(uri))) {
      return Optional.of("host " + uri.getHost() + " is not one of " + provider + "'s media hosts");
    }
    if (IP_LITERAL.matcher(uri.getHost()).matches() && !isPublicLiteral(uri.getHost())) {
      return Optional.of("address " + uri.getHost() + " is not public");
    }
    return Optional.empty();
  }

  /** The failure for an error of a download: a refused address is permanent, anything else transient. */
  public MediaFailure unreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NonPublicAddressException refused) {
        return refused("host " + refused.host() + " resolves to an address that is not public");
      }
    }
    return new TransientMediaFailure(provider + " unreachable: " + MediaFailure.rootCause(error), error);
  }

  /**
   * The HTTP connector of this provider's downloads: {@code timeout} to connect and to answer, no
   * redirects followed, and, except for the API host in the local profile, connections to public
   * addresses only (checked on every address a name resolves to, when connecting).
   */
  public ReactorClientHttpConnector connector(Duration timeout) {
    Set<String> exempt = local ? Set.of(api.getHost().toLowerCase(Locale.ROOT)) : Set.of();
    return new ReactorClientHttpConnector(HttpClient.create()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
        .responseTimeout(timeout)
        .followRedirect(false)
        .resolver(new PublicAddressResolverGroup(exempt)));
  }

  private PermanentMediaFailure refused(String problem) {
    return new PermanentMediaFailure(MediaOutcome.UNSAFE_SOURCE, provider + " media URL refused: " + problem);
  }

  private static boolean isPublicLiteral(String host) {
    try {
      // a literal is parsed, never looked up
      return PublicAddresses.isPublic(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  static int portOf(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
  }
}
