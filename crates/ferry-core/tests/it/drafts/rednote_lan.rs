//! The RedNote kit's one-time page on the local network, fetched by a real HTTP client
//! (reqwest) on the loopback address: the page with a valid token, its pictures byte for
//! byte; a reused token, an expired one, a wrong one, a write — each refused.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use ferry_core::handoff::{Fit, LanHandoff, LanPageState, LanPages, RednoteExport};
use ferry_core::{LangTag, NewDraft};

use super::support::{TempStore, fixture, new_draft};

const LOOPBACK: Option<IpAddr> = Some(IpAddr::V4(Ipv4Addr::LOCALHOST));

#[tokio::test]
async fn the_page_opens_once_serves_its_pictures_and_then_is_gone() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(NewDraft {
            topics: vec!["渡口".into()],
            ..new_draft(&[("zh-Hans", "渡口见面\n清晨的渡口 <b>&</b>"), ("en", "Dawn")])
        })
        .await
        .unwrap();
    for name in ["harbour.jpg", "tiny.gif"] {
        store
            .attach_media(&draft.id, &fixture(name), BTreeMap::new())
            .await
            .unwrap();
    }
    let lang = LangTag::parse("zh-Hans").unwrap();
    let pages = LanPages::default();
    assert_eq!(pages.state(), LanPageState::None);
    let handoff = LanHandoff {
        draft_id: draft.id.clone(),
        lang: lang.clone(),
        fit: Fit::Crop,
    };
    let page = pages
        .start(&store, handoff.clone(), LOOPBACK)
        .await
        .unwrap();
    assert!(page.url.starts_with("http://127.0.0.1:") && page.url.ends_with('/'));
    assert!(page.qr_svg.starts_with("<?xml") && page.qr_svg.contains("<svg"));
    assert_eq!(page.pictures, 2);
    assert!(
        !format!("{page:?}").contains("/k/"),
        "Debug leaves the token out"
    );
    assert_eq!(pages.state(), LanPageState::Waiting);

    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |url: String| {
        let http = http.clone();
        async move { http.get(url).send().await.unwrap() }
    };
    // A wrong token, and a write, change nothing.
    let base = page.url.split("/k/").next().unwrap().to_owned();
    assert_eq!(
        get(format!("{base}/k/0123456789abcdef0123456789abcdef/"))
            .await
            .status(),
        404
    );
    assert_eq!(http.post(&page.url).send().await.unwrap().status(), 405);
    assert_eq!(pages.state(), LanPageState::Waiting);

    let opened = get(page.url.clone()).await;
    assert_eq!(opened.status(), 200);
    let csp = opened.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    let html = opened.text().await.unwrap();
    assert!(html.contains("渡口见面") && html.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(html.contains("#渡口[话题]#"));
    assert_eq!(pages.state(), LanPageState::Opened);

    // The pictures are the export's, byte for byte.
    let phone = tempfile::tempdir().unwrap();
    let kit = store
        .export_rednote(RednoteExport {
            draft_id: draft.id.clone(),
            lang,
            to: phone.path().display().to_string(),
            fit: Fit::Crop,
        })
        .await
        .unwrap();
    for file in ["01.jpg", "02.gif"] {
        let served = get(format!("{}{file}", page.url)).await;
        assert_eq!(served.status(), 200, "{file}");
        let bytes = served.bytes().await.unwrap();
        let exported = std::fs::read(std::path::Path::new(&kit.folder).join(file)).unwrap();
        assert_eq!(bytes.as_ref(), exported.as_slice(), "{file}");
    }

    // Used once: a second opening is refused.
    let again = get(page.url.clone()).await;
    assert_eq!(again.status(), 410);
    assert!(again.text().await.unwrap().contains("used already"));

    // A page past its time: 410 while the listener still answers, then nothing at all.
    let short = LanPages::with_lifetime(Duration::from_millis(400));
    let brief = short.start(&store, handoff, LOOPBACK).await.unwrap();
    tokio::time::sleep(Duration::from_millis(450)).await;
    assert_eq!(short.state(), LanPageState::Expired);
    match http.get(&brief.url).send().await {
        Ok(answer) => assert_eq!(answer.status(), 410),
        Err(err) => assert!(err.is_connect(), "{err}"),
    }

    // Stopping takes the first page away at once.
    pages.stop();
    assert_eq!(pages.state(), LanPageState::None);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(
        http.get(format!("{}01.jpg", page.url))
            .send()
            .await
            .is_err()
    );
}
