package pe.xofi.chat.conversation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.staffsecurity.StaffAccessDeniedListener;
import pe.xofi.chat.staffsecurity.StaffSecurityAutoConfiguration;
import reactor.core.publisher.Mono;

/** The transcript API as an attacker tries it, then as staff use it: login, role, audit first. */
@WebFluxTest(controllers = OpsController.class)
@ImportAutoConfiguration(StaffSecurityAutoConfiguration.class)
class OpsSecurityTest {

  private static final String KNOWN = "51987654321";
  private static final String UNKNOWN = "51900000000";
  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    registry.add("xofi.staff.users",
        () -> "ana:operator:" + BCRYPT.encode("clave-ana") + ",luis:agent:" + BCRYPT.encode("clave-luis"));
  }

  @TestConfiguration
  static class DeniedAudit {
    @Bean
    StaffAccessDeniedListener deniedTranscriptAudit(StaffAudit audit) {
      return new DeniedTranscriptAudit(audit);
    }
  }

  @Autowired WebTestClient client;

  @MockitoBean TranscriptStore transcripts;
  @MockitoBean StaffAudit audit;

  private final ConversationTranscript transcript = new ConversationTranscript(
      "wa:" + KNOWN, null, List.of(new TranscriptLine(Direction.IN, "wamid.1", null, "Hola", "greeting", Instant.parse("2026-11-24T10:15:30Z"))));

  @BeforeEach
  void stores() {
    when(transcripts.transcript("wa:" + KNOWN)).thenReturn(Mono.just(transcript));
    when(transcripts.transcript("wa:" + UNKNOWN)).thenReturn(Mono.just(new ConversationTranscript("wa:" + UNKNOWN, null, List.of())));
    when(audit.record(any(), any(), any(), any())).thenAnswer(call -> Mono.just(new AuditEvent(
        "id", Instant.EPOCH, call.<Authentication>getArgument(0).getName(), List.of(), call.getArgument(1),
        call.getArgument(2).toString(), call.getArgument(3))));
  }

  @Test
  void shouldAnswer401ToAnAnonymousTranscriptRequestAndReadNothing() {
    // when
    var result = client.get().uri("/ops/conversations/{phone}", KNOWN).exchange();

    // then
    result.expectStatus().isUnauthorized().expectBody().isEmpty();
    verify(transcripts, never()).transcript(any());
  }

  @Test
  void shouldSendAnAnonymousBrowserFromTheOpsPageToTheLogin() {
    // when
    var result = client.get().uri("/ops/").accept(MediaType.TEXT_HTML).exchange();

    // then
    result.expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/login");
  }

  @Test
  void shouldAnswerAnAgentTheSame403ForAKnownAndAnUnknownPhoneAndAuditTheRefusal() {
    // when
    var known = client.get().uri("/ops/conversations/{phone}", KNOWN).headers(h -> h.setBasicAuth("luis", "clave-luis"))
        .exchange().expectBody(String.class).returnResult();
    var unknown = client.get().uri("/ops/conversations/{phone}", UNKNOWN).headers(h -> h.setBasicAuth("luis", "clave-luis"))
        .exchange().expectBody(String.class).returnResult();

    // then
    assertThat(List.of(known.getStatus(), unknown.getStatus())).isEqualTo(List.of(HttpStatus.FORBIDDEN, HttpStatus.FORBIDDEN));
    assertThat(unknown.getResponseBody()).isEqualTo(known.getResponseBody());
    assertThat(unknown.getResponseHeaders().toSingleValueMap()).isEqualTo(known.getResponseHeaders().toSingleValueMap());
    verify(transcripts, never()).transcript(any());
    verify(audit).record(any(), eq(AuditAction.TRANSCRIPT_VIEWED), eq(ConversationKey.whatsapp(KNOWN)), eq(AuditOutcome.DENIED));
    verify(audit).record(any(), eq(AuditAction.TRANSCRIPT_VIEWED), eq(ConversationKey.whatsapp(UNKNOWN)), eq(AuditOutcome.DENIED));
  }

  @Test
  void shouldServeTheTranscriptToAnOperatorOnceTheViewIsAudited() {
    // when
    var result = client.get().uri("/ops/conversations/{phone}", KNOWN).headers(h -> h.setBasicAuth("ana", "clave-ana")).exchange();

    // then
    result.expectStatus().isOk().expectBody(ConversationTranscript.class).isEqualTo(transcript);
    verify(audit).record(any(), eq(AuditAction.TRANSCRIPT_VIEWED), eq(ConversationKey.whatsapp(KNOWN)), eq(AuditOutcome.FOUND));
  }

  @Test
  void shouldAuditTheViewOfAnUnknownPhoneAsNotFound() {
    // when
    var result = client.get().uri("/ops/conversations/{phone}", UNKNOWN).headers(h -> h.setBasicAuth("ana", "clave-ana")).exchange();

    // then
    result.expectStatus().isNotFound();
    verify(audit).record(any(), eq(AuditAction.TRANSCRIPT_VIEWED), eq(ConversationKey.whatsapp(UNKNOWN)), eq(AuditOutcome.NOT_FOUND));
  }

  @Test
  void shouldAnswer503AndNoDataWhenTheAuditRecordIsNotAcknowledged() {
    // given
    doReturn(Mono.error(new StaffAudit.AuditUnavailableException(new java.util.concurrent.TimeoutException())))
        .when(audit).record(any(), any(), any(), any());

    // when
    var result = client.get().uri("/ops/conversations/{phone}", KNOWN).headers(h -> h.setBasicAuth("ana", "clave-ana"))
        .exchange().expectBody(String.class).returnResult();

    // then
    assertThat(result.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(result.getResponseBody()).doesNotContain("Hola");
  }

  @Test
  void shouldTellTheOpsPageWhoIsLoggedIn() {
    // when
    var result = client.get().uri("/ops/me").headers(h -> h.setBasicAuth("ana", "clave-ana")).exchange();

    // then
    result.expectStatus().isOk().expectBody().json("{\"name\":\"ana\",\"roles\":[\"operator\"]}", org.springframework.test.json.JsonCompareMode.STRICT);
  }

  @Test
  void shouldServeTheOpsPageToAnOperator() {
    // when
    var result = client.get().uri("/ops/").accept(MediaType.TEXT_HTML).headers(h -> h.setBasicAuth("ana", "clave-ana")).exchange();

    // then
    result.expectStatus().isOk().expectBody(String.class).value(page -> assertThat(page).contains("<a id=\"logout\" href=\"/logout\">"));
  }
}
