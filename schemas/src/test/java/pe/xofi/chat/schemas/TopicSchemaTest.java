package pe.xofi.chat.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class TopicSchemaTest {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  static Schema schemaOf(Topic<?, ?> topic) throws IOException {
    try (InputStream in = Topic.class.getResourceAsStream(topic.schemaResource())) {
      assertThat(in).as("schema file %s", topic.schemaResource()).isNotNull();
      return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    }
  }

  static Stream<Topic<String, ?>> topics() {
    return Topics.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void shouldHaveOneSchemaFilePerTopic(Topic<String, ?> topic) throws IOException {
    assertThat(schemaOf(topic)).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pe.xofi.chat.schemas.RecordRoundTripTest#valuesByTopic")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void shouldWriteValuesThatValidateAgainstTheTopicSchema(Topic topic, Object value)
      throws IOException {
    // given
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    JsonNode json = Json.MAPPER.readTree(bytes);

    // when
    List<Error> errors = schemaOf(topic).validate(json);

    // then
    assertThat(errors).isEmpty();
  }

  @Test
  void shouldRejectAnInboundEnvelopeWithoutMessageId() throws IOException {
    // given
    var json = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(Examples.inbound());
    json.remove("messageId");

    // when
    List<Error> errors = schemaOf(Topics.INBOUND_MESSAGES).validate(json);

    // then
    assertThat(errors).extracting(Error::getMessage).containsExactly("required property 'messageId' not found");
  }

  @Test
  void shouldRejectAnInboundEnvelopeWithNeitherRawNorSealedContent() throws IOException {
    // given
    var json = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(Examples.sealedInbound());
    json.putNull("sealed");

    // when
    List<Error> errors = schemaOf(Topics.INBOUND_MESSAGES).validate(json);

    // then
    assertThat(errors).isNotEmpty();
  }

  @Test
  void shouldRejectAReplyWithNeitherContentNorSealedContent() throws IOException {
    // given
    var json = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(Examples.sealedOutbound());
    json.remove("sealedContent");

    // when
    List<Error> errors = schemaOf(Topics.OUTBOUND_MESSAGES).validate(json);

    // then
    assertThat(errors).isNotEmpty();
  }

  @Test
  void shouldRejectASnapshotThatCarriesMoreThanTheOperatorsView() throws IOException {
    // given: a snapshot with a field the contract does not have (a DNI must never travel here)
    var json = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(Examples.event());
    ((tools.jackson.databind.node.ObjectNode) json.get("snapshot")).put("dni", "12345678");

    // when
    List<Error> errors = schemaOf(Topics.CONVERSATION_EVENTS).validate(json);

    // then
    assertThat(errors).extracting(Error::getMessage)
        .containsExactly("property 'dni' is not defined in the schema and the schema does not allow additional properties");
  }

  @Test
  void shouldValidateEveryExampleInTheSchemasReadme() throws IOException {
    // given: README.md has, per topic, a "### <topic>" heading followed by a ```json example
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("### `([a-z-]+)`\\s*\\n+```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
    Map<String, String> examples = new LinkedHashMap<>();
    while (m.find()) {
      examples.put(m.group(1), m.group(2));
    }

    // when
    List<String> problems = new ArrayList<>();
    for (Topic<String, ?> topic : Topics.ALL) {
      String example = examples.get(topic.name());
      if (example == null) {
        problems.add(topic.name() + ": no example");
        continue;
      }
      for (Error error : schemaOf(topic).validate(example, InputFormat.JSON)) {
        problems.add(topic.name() + ": " + error.getMessage());
      }
      Json.MAPPER.readValue(example, topic.valueType());
    }

    // then
    assertThat(problems).isEmpty();
    assertThat(examples.keySet()).containsExactlyElementsOf(Topics.ALL.stream().map(Topic::name).toList());
  }
}
