package pe.xofi.chat.outbound.media;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Name resolution for media downloads that fails when any address of a name is not public, so a
 * name re-pointed at the cluster between a check and the connection (DNS rebinding) is refused too.
 * Names in {@code exempt} (the API host in the local profile) resolve as usual.
 */
final class PublicAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

  private final Set<String> exempt;

  PublicAddressResolverGroup(Set<String> exempt) {
    this.exempt = Set.copyOf(exempt);
  }

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new PublicOnlyNameResolver(executor, exempt).asAddressResolver();
  }

  private static final class PublicOnlyNameResolver extends InetNameResolver {

    private final Set<String> exempt;

    PublicOnlyNameResolver(EventExecutor executor, Set<String> exempt) {
      super(executor);
      this.exempt = exempt;
    }

    @Override
    protected void doResolve(String host, Promise<InetAddress> promise) {
      try {
        promise.setSuccess(publicAddresses(host).getFirst());
      } catch (Exception e) {
        promise.setFailure(e);
      }
    }

    @Override
    protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
      try {
        promise.setSuccess(publicAddresses(host));
      } catch (Exception e) {
        promise.setFailure(e);
      }
    }

    // blocking, as netty's DefaultNameResolver is; every address is checked, not only the first
    private List<InetAddress> publicAddresses(String host) throws java.net.UnknownHostException {
      List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
      if (!exempt.contains(host.toLowerCase(Locale.ROOT))
          && !addresses.stream().allMatch(PublicAddresses::isPublic)) {
        throw new NonPublicAddressException(host);
      }
      return addresses;
    }
  }
}
