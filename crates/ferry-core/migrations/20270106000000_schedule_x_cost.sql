-- What the person accepted to spend on X for a scheduled item, in millionths of a US dollar,
-- shown when it was scheduled (X charges per post). NULL: nothing accepted (no X account).
-- At its time the draft is planned again; X targets that would cost more are not sent.
ALTER TABLE schedules ADD COLUMN x_cost_accepted INTEGER;
