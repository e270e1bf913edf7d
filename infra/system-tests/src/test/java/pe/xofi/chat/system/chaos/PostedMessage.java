package pe.xofi.chat.system.chaos;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One inbound message of the load (one provider message id) and what the ingress answered to
 * every delivery of it.
 */
final class PostedMessage {

  private final String id;
  private final String phone;
  private final MemberScript.Step step;
  private final String webhook;
  private final AtomicInteger posts = new AtomicInteger();
  private final AtomicInteger acknowledgements = new AtomicInteger();
  private volatile Instant firstPostedAt;
  private volatile Instant acknowledgedAt;
  private volatile boolean gaveUp;

  PostedMessage(String id, String phone, MemberScript.Step step, String webhook) {
    this.id = id;
    this.phone = phone;
    this.step = step;
    this.webhook = webhook;
  }

  String id() {
    return id;
  }

  String phone() {
    return phone;
  }

  String conversationKey() {
    return "wa:" + phone;
  }

  MemberScript.Step step() {
    return step;
  }

  String webhook() {
    return webhook;
  }

  synchronized void posting(Instant at) {
    if (firstPostedAt == null) {
      firstPostedAt = at;
    }
    posts.incrementAndGet();
  }

  synchronized void acknowledged(Instant at) {
    if (acknowledgedAt == null) {
      acknowledgedAt = at;
    }
    acknowledgements.incrementAndGet();
  }

  void gaveUp() {
    gaveUp = true;
  }

  boolean isAcknowledged() {
    return acknowledgedAt != null;
  }

  /** Not acknowledged after every retry (never an acknowledged message). */
  boolean isGivenUp() {
    return gaveUp && acknowledgedAt == null;
  }

  Instant firstPostedAt() {
    return firstPostedAt;
  }

  Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  int posts() {
    return posts.get();
  }

  int acknowledgements() {
    return acknowledgements.get();
  }
}
