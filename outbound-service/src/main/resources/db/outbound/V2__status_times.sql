-- provider status callbacks: the first read and failed report of each reply, so a repeated status
-- (providers deliver webhooks at least once) writes no second delivery event
ALTER TABLE sent_message ADD COLUMN read_at timestamptz;
ALTER TABLE sent_message ADD COLUMN failed_at timestamptz;
