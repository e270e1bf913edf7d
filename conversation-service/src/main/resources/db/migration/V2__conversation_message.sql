-- Transcripts for support staff: every member message and bot reply of a conversation, projected
-- from inbound-messages, outbound-messages and conversation-events by conversation-service's
-- TranscriptProjector (idempotent: one row per message id and direction).
CREATE TABLE conversation_message (
    id               BIGSERIAL PRIMARY KEY,
    conversation_key VARCHAR(40)  NOT NULL,               -- wa:51987654321 | tg:123456
    direction        VARCHAR(3)   NOT NULL CHECK (direction IN ('IN', 'OUT')),
    message_id       VARCHAR(200) NOT NULL,               -- provider message id (IN) or reply id <inbound id>#<n> (OUT)
    in_reply_to      VARCHAR(200),                        -- OUT: the inbound message id
    channel          VARCHAR(20),
    text             TEXT,                                -- the text, or a summary ([image/jpeg] caption); credentials withheld
    intent           VARCHAR(40),                         -- IN: the engine's intent label
    occurred_at      TIMESTAMPTZ,                         -- IN: received-at; OUT: the engine's decision time
    projected_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (message_id, direction)
);
CREATE INDEX conversation_message_key_idx ON conversation_message (conversation_key, occurred_at, id);
