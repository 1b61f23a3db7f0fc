//! Telegram: 4,096 per message, 1,024 per media caption.
