-- A delivery is unique per notice, channel and recipient. The key held the recipient itself, so a
-- recipient longer than a btree index row (a 3,000-character webhook URL) could not be written
-- at all; the key now holds its hash.
ALTER TABLE notification_delivery DROP CONSTRAINT notification_delivery_notification_id_channel_recipient_key;
CREATE UNIQUE INDEX notification_delivery_once_idx
    ON notification_delivery (notification_id, channel, md5(recipient));
