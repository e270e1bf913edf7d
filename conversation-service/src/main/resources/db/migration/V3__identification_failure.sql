-- Failed identifications of known members, counted per member across phones and channels
-- (AuthHandler): one row per failed attempt, keyed by the conversation and the provider message id
-- so a message processed again after an aborted Kafka transaction counts once. No DNI and no birth
-- year: the member is the partner id; rows of a member are deleted when that member identifies.
CREATE TABLE identification_failure (
    partner_id       BIGINT       NOT NULL REFERENCES partner (id),
    conversation_key VARCHAR(40)  NOT NULL,               -- wa:51987654321 | tg:123456
    message_id       VARCHAR(200) NOT NULL,               -- provider message id of the attempt
    failed_at        TIMESTAMPTZ  NOT NULL,               -- the message's received-at
    PRIMARY KEY (partner_id, conversation_key, message_id)
);
CREATE INDEX identification_failure_partner_time_idx ON identification_failure (partner_id, failed_at);
