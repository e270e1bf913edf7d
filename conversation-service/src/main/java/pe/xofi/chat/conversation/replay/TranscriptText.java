package pe.xofi.chat.conversation.replay;

import pe.xofi.chat.conversation.replay.ReplyLine.Verdict;

/** Writes a replay report as the transcript operators read: message, intent, state before and after, replies. */
final class TranscriptText {

  private TranscriptText() {}

  static String of(ReplayReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Replay of ").append(report.conversationKey()).append(": ").append(report.topic())
        .append(" partition ").append(report.partition()).append(", ")
        .append(report.from() == null ? "from the beginning of the retained log" : "from " + report.from())
        .append(report.to() == null ? " to the end of the log" : " to " + report.to()).append('\n');
    out.append("State starts empty at the first message; the engine's \"now\" is each message's received-at.\n");
    int n = 0;
    for (ReplayedMessage message : report.messages()) {
      out.append('\n').append('#').append(++n).append("  offset ").append(message.offset()).append("  ")
          .append(message.receivedAt()).append("  ").append(message.messageId()).append('\n');
      field(out, "member", message.said());
      field(out, "intent", message.intent());
      field(out, "before", message.before().describe());
      field(out, "after", message.after().describe());
      for (ReplyLine line : message.replies()) {
        reply(out, line);
      }
    }
    out.append('\n').append(report.messages().size()).append(" messages, ").append(report.replies()).append(" replies");
    if (report.unreadable() > 0) {
      out.append(", ").append(report.unreadable()).append(" unreadable records skipped");
    }
    out.append(report.compared() ? ", " + report.differences() + " differences from outbound-messages" : "").append(".\n");
    return out.toString();
  }

  private static void reply(StringBuilder out, ReplyLine line) {
    String label = "bot " + line.id() + (line.verdict() == Verdict.NOT_COMPARED ? "" : " [" + line.verdict() + "]");
    switch (line.verdict()) {
      case CHANGED -> {
        field(out, label, "");
        field(out, "  replayed", line.replayed());
        field(out, "  actual", line.actual());
      }
      case EXTRA -> field(out, label, line.actual());
      default -> field(out, label, line.replayed());
    }
  }

  /** A named field; the continuation lines of a multi-line text are indented by {@value #INDENT} spaces. */
  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(name).append(": ").append(indented(value)).append('\n');
  }

  static final int INDENT = 4;

  static String indented(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.append('\n').append(lines[i].isEmpty() ? "" : " ".repeat(INDENT)).append(lines[i]);
    }
    return out.toString();
  }
}
