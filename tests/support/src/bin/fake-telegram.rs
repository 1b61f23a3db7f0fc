//! The FAKE Telegram Bot API (`ferry_test_support::telegram_bot_api`) as a process, for the
//! E2E tests: `fake-telegram [ADDR]` (default 127.0.0.1:0) prints `FERRY_TEST_TELEGRAM=<base>`
//! once listening, and serves until killed.

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".into());
    let api = ferry_test_support::telegram_bot_api::FakeBotApi::start_on(&addr).await;
    println!("FERRY_TEST_TELEGRAM={}", api.base);
    std::future::pending::<()>().await;
}
