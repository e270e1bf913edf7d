package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.ServiceModule;
import pe.xofi.chat.localstack.StackSecrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' replay over real traffic: a scripted conversation through the real processes,
 * then {@code replay --compare} run as the packaged command reproduces every reply (zero
 * differences, the ticket number found again by its source message), and a what-if change of one
 * text marks exactly the replies that carry it. The transcript API shows the same conversation.
 */
class ReplaySystemIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PHONE = "51955500606";
  private static LocalStack stack;

  @BeforeAll
  static void scriptedConversation() {
    stack = RunningStack.shared();
    SandboxMember member = new SandboxMember(stack.config().sandboxUrl(), PHONE);
    member.says("Hola");
    member.says("DNI 00000000 año 1900");
    member.says("DNI 87654321 año 1985");
    member.says("estado de cuenta");
    member.says("crear ticket");
    member.says("No veo mi último pago");
    member.says("Pagué el 5 en la agencia y no figura");
    member.says("salir");
  }

  @Test
  void shouldReproduceEveryReplyOfTheLiveConversation() throws Exception {
    // when
    Run run = replay("--compare", "--json");

    // then
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(report.get("messages").size()).isEqualTo(8);
    assertThat(report.get("replies").asInt()).isEqualTo(8);
    assertThat(report.get("differences").asInt()).isZero();
    assertThat(run.stdout()).doesNotContain("87654321").doesNotContain("año 1985").contains("DNI ******** año ****");
  }

  @Test
  void shouldMarkExactlyTheRepliesAChangedTextTouches() throws Exception {
    // when: the welcome text changed ("Te identificaste correctamente." appears in one reply only)
    Run run = replay("--compare", "--json", "--replace-in-replies", "Te identificaste correctamente.=>Ya te identificamos.");

    // then
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.stdout());
    List<String> changed = new ArrayList<>();
    report.get("messages").forEach(m -> m.get("replies").forEach(r -> {
      if (!r.get("verdict").asString().equals("SAME")) {
        changed.add(m.get("intent").asString() + " " + r.get("verdict").asString());
      }
    }));
    assertThat(changed).containsExactly("authenticate CHANGED");
    assertThat(report.get("differences").asInt()).isEqualTo(1);
  }

  @Test
  void shouldShowSealedRecordsAsSealedToAnOperatorWithoutTheKeySet() throws Exception {
    // when: the records on the topics are sealed and this operator holds no XOFI_DATA_KEYSET
    Run run = replayWithoutKeys("--phone", PHONE, "--json");

    // then: every message shows [cifrado], nothing of the member's
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode report = JSON.readTree(run.stdout());
    List<String> said = new ArrayList<>();
    report.get("messages").forEach(m -> said.add(m.get("said").asString()));
    assertThat(said).hasSize(8).containsOnly("[cifrado]");
    assertThat(run.stdout()).doesNotContain("87654321").doesNotContain("1985").doesNotContain("No veo mi último pago");
  }

  @Test
  void shouldExplainAnUnknownPhone() throws Exception {
    // when
    Run run = replay0("--phone", "51900000999");

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().strip())
        .isEqualTo("xofi replay: unknown phone: no conversation wa:*******0999 in inbound-messages (retained log)");
  }

  @Test
  void shouldShowTheConversationToSupportStaffWithCredentialsWithheld() {
    // when
    URI url = StackRequests.conversationService(stack, "/ops/conversations/" + PHONE);

    // then: the projector catches up with the log: every line, every intent, the state after the last message
    JsonNode transcript =
        await().atMost(Duration.ofSeconds(30)).until(() -> get(url), t -> t != null && t.get("lines").size() == 16
            && t.get("lines").valueStream().allMatch(l -> l.get("direction").asString().equals("OUT") || !l.get("intent").isNull())
            && t.get("state").isObject()
            && t.get("state").get("lastMessageAt").asString().equals(t.get("lines").get(14).get("occurredAt").asString()));
    List<String> memberLines =
        transcript.get("lines").valueStream().filter(l -> l.get("direction").asString().equals("IN"))
            .map(l -> l.get("intent").asString() + ": " + l.get("text").asString()).toList();
    assertThat(memberLines)
        .containsExactly(
            "greeting: Hola",
            "authenticate: [identificación: DNI y año de nacimiento omitidos]",
            "authenticate: [identificación: DNI y año de nacimiento omitidos]",
            "account_statement: estado de cuenta",
            "create_ticket: crear ticket",
            "create_ticket: No veo mi último pago",
            "create_ticket: Pagué el 5 en la agencia y no figura",
            "logout: salir");
    assertThat(transcript.get("state").get("authenticated").asBoolean()).isFalse();
  }

  private static JsonNode get(URI url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(StackRequests.asOperator(stack, url).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }

  private static Run replay(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--phone", PHONE));
    args.addAll(List.of(options));
    return replay0(args.toArray(String[]::new));
  }

  /** Runs the packaged replay command as an authorised operator (with the run's key set). */
  private static Run replay0(String... args) throws Exception {
    return replay(true, args);
  }

  private static Run replayWithoutKeys(String... args) throws Exception {
    return replay(false, args);
  }

  /** Runs the packaged replay command against the stack's broker and database. */
  private static Run replay(boolean withKeySet, String... args) throws Exception {
    Path jar = ServiceModule.CONVERSATION.executableJar(stack.config().projectDir());
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), "replay"));
    command.addAll(List.of(args));
    command.addAll(List.of("--bootstrap-servers", stack.config().bootstrapServers()));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("XOFI_DB_URL", stack.config().database().url());
    env.put("XOFI_DB_USER", stack.config().database().user());
    env.put("XOFI_DB_PASSWORD", stack.config().database().password());
    env.remove(StackSecrets.DATA_KEYSET);
    if (withKeySet) {
      env.put(StackSecrets.DATA_KEYSET, stack.secrets().get(StackSecrets.DATA_KEYSET));
    }
    Path out = java.nio.file.Files.createTempFile("replay", ".out");
    Path err = java.nio.file.Files.createTempFile("replay", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("replay finished").isTrue();
    return new Run(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8), java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String stdout, String stderr) {}
}
