package pe.xofi.chat.outbound.media;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of a provider's media allow-list, {@code host[:port][/path-prefix]}: a URL matches when
 * its host is {@code host} (or, for {@code *.domain}, any name ending in {@code .domain}), its port is
 * {@code port} when one is given (else the scheme's default), and its path starts with the prefix.
 *
 * @param host       a lowercase host name, or {@code *.} and a domain
 * @param port       the port, or -1 for the scheme's default
 * @param pathPrefix the path a URL must start with, {@code /} for any
 */
public record MediaHost(String host, int port, String pathPrefix) {

  private static final Pattern ENTRY =
      Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?(/[^\\s?#]*)?");

  /** Reads {@code host[:port][/path-prefix]}, e.g. {@code lookaside.fbsbx.com} or {@code *.fbcdn.net}. */
  public static MediaHost parse(String entry) {
    String value = entry.strip().toLowerCase(Locale.ROOT);
    if (!ENTRY.matcher(value).matches()) {
      throw new IllegalArgumentException("a media host is host[:port][/path-prefix] or *.domain, not '" + entry + "'");
    }
    int slash = value.indexOf('/');
    String authority = slash < 0 ? value : value.substring(0, slash);
    String path = slash < 0 ? "/" : value.substring(slash);
    int colon = authority.indexOf(':');
    return colon < 0
        ? new MediaHost(authority, -1, path)
        : new MediaHost(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)), path);
  }

  /** Whether {@code uri}'s host, port and path fall under this entry. */
  public boolean matches(URI uri) {
    if (uri.getHost() == null || uri.getRawPath() == null) {
      return false;
    }
    String candidate = uri.getHost().toLowerCase(Locale.ROOT);
    boolean hostMatches = host.startsWith("*.") ? candidate.endsWith(host.substring(1)) : candidate.equals(host);
    int wantedPort = port == -1 ? MediaSources.defaultPort(uri.getScheme()) : port;
    String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String lower = path.toLowerCase(Locale.ROOT);
    // a ".." segment, plain or percent-encoded, or an encoded slash could climb back out of the prefix
    boolean climbs = lower.contains("/../") || lower.endsWith("/..") || lower.contains("%2e") || lower.contains("%2f");
    return hostMatches && MediaSources.portOf(uri) == wantedPort && path.startsWith(pathPrefix) && !climbs;
  }

  @Override
  public String toString() {
    return host + (port == -1 ? "" : ":" + port) + (pathPrefix.equals("/") ? "" : pathPrefix);
  }
}
