-- Deleting pictures from the media host once the network has them (ferry-core/src/media_host/
-- sweep.rs). Off unless the person turns it on: a bucket may hold other things.
ALTER TABLE media_hosts ADD COLUMN delete_after_post INTEGER NOT NULL DEFAULT 0;

-- Which outbox target uses which object of the media host, written BEFORE the upload so an
-- object is never deleted while a target still needs it. `linked` = 1: the post links the
-- object for good (a Nostr note); 0: the network copies it when the post is made (Threads).
-- An object is deleted only when it has no linked use and every target using it is done.
CREATE TABLE media_host_uses (
    host_id    TEXT NOT NULL,
    object_key TEXT NOT NULL,
    target_id  TEXT NOT NULL,
    linked     INTEGER NOT NULL CHECK (linked IN (0, 1)),
    PRIMARY KEY (host_id, object_key, target_id)
) STRICT;
