//! X (formerly Twitter): twitter-text v3 weighted length, 280 units; threads by reply.
