//! The page the phone opens: title, body and topics, each with a Copy button (and the whole
//! note at once), then the pictures in order, each a download link. Everything from the draft
//! is HTML-escaped; the page's one script (the copy buttons) runs under a per-page nonce and
//! the Content-Security-Policy allows nothing else.

use crate::handoff::kit::Kit;

/// The page's HTML, with `nonce` for its script.
pub(super) fn render(kit: &Kit, nonce: &str) -> String {
    let mut sections = String::new();
    let texts = [
        ("标题 Title", kit.title.as_str()),
        ("正文 Body", kit.body.as_str()),
        ("话题 Topics", kit.topics.as_str()),
        ("全部 Everything", &kit.note_text()),
    ];
    for (i, (label, text)) in texts.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        sections.push_str(&format!(
            "<section><h2>{}</h2><pre id=\"t{i}\">{}</pre>\
             <button data-copy=\"t{i}\">复制 Copy</button></section>",
            escape(label),
            escape(text)
        ));
    }
    let mut pictures = String::new();
    for picture in &kit.pictures {
        let file = escape(&picture.file);
        pictures.push_str(&format!(
            "<a href=\"{file}\" download=\"{file}\"><img src=\"{file}\" alt=\"{file}\"></a>"
        ));
    }
    format!(
        "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"referrer\" content=\"no-referrer\"><title>Ferry → RedNote</title>\
         <style>body{{font:16px/1.5 system-ui,sans-serif;margin:16px;color:#222}}\
         pre{{white-space:pre-wrap;background:#f4f4f4;padding:8px;border-radius:6px}}\
         button{{font-size:16px;padding:6px 14px}}img{{width:48%;margin:1%;border-radius:4px}}\
         </style></head><body><h1>渡 Ferry → 小红书</h1>\
         <p>Copy each part into RedNote; tap a picture to save it. This page works once.</p>\
         {sections}<section><h2>图片 Pictures ({n})</h2>{pictures}</section>\
         <script nonce=\"{nonce}\">{COPY}</script></body></html>",
        n = kit.pictures.len()
    )
}

/// Copy buttons. `navigator.clipboard` needs a secure context, which a LAN `http://` page
/// isn't, so the text is selected and copied the old way.
const COPY: &str = "document.querySelectorAll('[data-copy]').forEach(function(b){\
b.addEventListener('click',function(){var t=document.getElementById(b.dataset.copy);\
var a=document.createElement('textarea');a.value=t.textContent;document.body.appendChild(a);\
a.select();try{document.execCommand('copy');b.textContent='✓ 已复制 Copied'}catch(e){}\
a.remove()})})";

/// A short page for a link that no longer works.
pub(super) fn gone(why: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"></head>\
         <body style=\"font:16px system-ui;margin:16px\"><p>{}</p></body></html>",
        escape(why)
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::kit::KitPicture;

    #[test]
    fn the_draft_cannot_put_markup_on_the_page() {
        let kit = Kit {
            title: "<script>alert(1)</script>".into(),
            body: "a \"quoted\" & 'single' <img src=x onerror=alert(1)>".into(),
            topics: "#渡口[话题]#".into(),
            pictures: vec![KitPicture {
                file: "01.jpg".into(),
                bytes: vec![],
            }],
            notes: vec![],
        };
        let html = render(&kit, "n0nce");
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img src=x"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(
            html.matches("<script").count(),
            1,
            "only the page's own script"
        );
        assert!(html.contains("<script nonce=\"n0nce\">"));
        assert!(html.contains("#渡口[话题]#"));
        assert!(html.contains("href=\"01.jpg\""));
    }
}
