//! Bluesky (AT Protocol): 300 graphemes / 3,000 bytes, rich-text facets at UTF-8 byte offsets.
