//! The FAKE X API (`ferry_test_support::x_api`) as a process, for the E2E tests:
//! `fake-x [ADDR]` (default 127.0.0.1:0) prints `FERRY_TEST_X=<base>` once listening, and
//! serves until killed.

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".into());
    let api = ferry_test_support::x_api::FakeXApi::start_on(&addr).await;
    println!("FERRY_TEST_X={}", api.base);
    std::future::pending::<()>().await;
}
