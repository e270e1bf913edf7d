package pe.xofi.chat.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ./xofi verify-config} (the seed's {@code verify_whatsapp_config}): reports the provider
 * credentials in the environment, whether each provider accepts them, the webhook URLs to register
 * and how; exits 1 when something needed is missing or refused. Secrets are never printed.
 */
@Command(name = "verify-config", description = "Checks WHAPI / Meta / Telegram credentials and prints the webhook URLs to register.")
final class VerifyConfigCommand implements Callable<Integer> {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() {
    List<ProviderConfigCheck.Line> report = new ProviderConfigCheck(System.getenv(), VerifyConfigCommand::get).run();
    report.forEach(line -> System.out.println(line.text()));
    boolean ok = report.stream().noneMatch(ProviderConfigCheck.Line::problem);
    System.out.println(ok ? "\nConfiguration OK." : "\nConfiguration incomplete: fix the lines marked MISSING/FAILED.");
    return ok ? 0 : 1;
  }

  static int get(URI uri, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
