package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.conversation.engine.Menus;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.schemas.outbound.OutboundContent.Choice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The menu as a WHAPI list through the real processes: a greeting reaches the sandbox as a {@code
 * POST /messages/interactive} list whose body is the menu text, and a tap on its second row comes
 * back as WHAPI's {@code list_reply} webhook and is answered with the statement, exactly as typing
 * "estado de cuenta" is.
 */
class InteractiveMenuSystemIT {

  private static final String JOSE = "51912345678";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  @Test
  void shouldSendTheMenuAsAListAndAnswerATapOnItsSecondRowWithTheStatement() {
    // given: José identified and greets
    SandboxMember jose = new SandboxMember(stack.config().sandboxUrl(), JOSE);
    jose.says("DNI 87654321 año 1985");
    String menuText = jose.says("hola");
    JsonNode menu = jose.outbox().getLast();

    // then: the greeting went to WHAPI as a list whose body is the member menu's text
    assertThat(menuText).isEqualTo(BotTexts.memberMenu("José"));
    assertThat(menu.get("type").asString()).isEqualTo("interactive");
    assertThat(menu.get("request").get("type").asString()).isEqualTo("list");
    assertThat(menu.get("request").get("body")).isEqualTo(JSON.createObjectNode().put("text", menuText));
    assertThat(menu.get("request").get("action")).isEqualTo(menuAction());

    // when: José taps the second row, "Estado de cuenta"
    Choice second = Menus.ROWS.get(1);
    List<String> tapped = tap(jose, menu.get("id").asString(), second);

    // then: the statement, the same as the typed command gets
    assertThat(tapped.getFirst()).startsWith("*Estado de cuenta*\n\n*PR-2001* · Crédito MYPE\n");
    SandboxMember typing = new SandboxMember(stack.config().sandboxUrl(), JOSE);
    assertThat(tapped).isEqualTo(typing.says("estado de cuenta", 1));
  }

  /** The WHAPI list of the menu: its label and one section with a row per menu item. */
  private static JsonNode menuAction() {
    ObjectNode action = JSON.createObjectNode();
    ObjectNode list = action.putObject("list").put("label", Menus.LABEL);
    ObjectNode section = list.putArray("sections").addObject().put("title", Menus.SECTION);
    ArrayNode rows = section.putArray("rows");
    Menus.ROWS.forEach(row -> rows.addObject().put("id", row.id()).put("title", row.title()).put("description", row.description()));
    return action;
  }

  /** Taps {@code choice} of the list {@code quotedId} on the chat page's behalf; returns the replies. */
  private static List<String> tap(SandboxMember member, String quotedId, Choice choice) {
    int before = member.outbox().size();
    ObjectNode body =
        JSON.createObjectNode()
            .put("from", JOSE)
            .put("name", "José")
            .put("quotedId", quotedId)
            .put("type", "list_reply")
            .put("id", choice.id())
            .put("title", choice.title())
            .put("description", choice.description());
    HttpResponse<String> response = post("/sandbox/inbox/reply", body.toString());
    assertThat(response.statusCode()).as("ingress answer via sandbox: %s", response.body()).isEqualTo(200);
    List<JsonNode> outbox =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(member::outbox, o -> o.size() > before);
    return outbox.subList(before, outbox.size()).stream().map(n -> n.get("body").asString()).toList();
  }

  private static HttpResponse<String> post(String path, String json) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(stack.config().sandboxUrl() + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
