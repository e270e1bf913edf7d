package pe.xofi.chat.conversation.ops;

/**
 * Where the projector writes a batch: idempotently, so a batch written again after a failure
 * changes nothing. A member-data outage is a {@link
 * pe.xofi.chat.conversation.member.MemberDataUnavailableException}; any other exception is a value
 * the store refuses.
 */
@FunctionalInterface
interface ProjectionWriter {

  /** Writes every row of {@code batch}. */
  void write(ProjectionBatch batch);

  /** The transcript lines to {@code transcripts}, then the operators' views to {@code conversations}. */
  static ProjectionWriter of(TranscriptStore transcripts, AgentConversationStore conversations) {
    return batch -> {
      transcripts.write(batch.rows());
      conversations.write(batch.conversations());
    };
  }
}
