//! RedNote (Xiaohongshu): no posting API; title, body and topic rules for the publish kit.
