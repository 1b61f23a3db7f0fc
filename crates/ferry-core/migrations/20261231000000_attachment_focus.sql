-- Where a picture is cropped around when made 3:4 for RedNote: per mille of its width and
-- height, as CSS's object-position reads a percentage (that point of the picture lands on the
-- same point of the frame), so the composer's preview shows exactly the crop the kit makes.
-- NULL: the centre. See crates/ferry-core/src/handoff/pictures.rs.
ALTER TABLE attachments ADD COLUMN focus_x INTEGER;
ALTER TABLE attachments ADD COLUMN focus_y INTEGER;
