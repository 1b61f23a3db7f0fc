//! Whether WebKit composites the page, decided before the webview starts.
//!
//! WebKitGTK composites (layers drawn with OpenGL) by default. Without a GPU — a virtual
//! machine, a remote desktop, Xvfb — that OpenGL is Mesa's llvmpipe on the CPU, and it costs
//! more than it saves. Measured on the installed app under Xvfb (docs/BENCHMARKS.md, "The
//! installed package"): with compositing, a keystroke in a 5,000-character post reached the
//! painted frame in p50 119–127 ms, p99 770–799 ms, and the app used 443 MB (PSS); without,
//! p50 72–74 ms, p99 89–99 ms, and 310 MB. So where the machine has no GPU render node
//! (`/dev/dri/renderD*`), Ferry turns compositing off. A `WEBKIT_DISABLE_COMPOSITING_MODE`
//! already set is left alone (`=0` keeps compositing on).

use std::path::Path;

const WEBKIT_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Turns compositing off on a machine without a GPU. Call it first thing in `main`, before
/// any other thread exists.
pub fn choose_compositing() {
    if std::env::var_os(WEBKIT_VARIABLE).is_some() || has_gpu(Path::new("/dev/dri")) {
        return;
    }
    // SAFETY: called at the top of `main`, before the async runtime, the webview or any other
    // thread starts, so nothing can be reading the environment meanwhile.
    #[allow(unsafe_code)]
    unsafe {
        std::env::set_var(WEBKIT_VARIABLE, "1");
    }
}

/// Whether `dri` (the kernel's DRM folder) has a render node: a GPU OpenGL can draw with.
fn has_gpu(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(test)]
mod tests {
    use super::has_gpu;

    #[test]
    fn a_render_node_is_a_gpu_and_a_missing_or_card_only_folder_is_not() {
        let dri = tempfile::tempdir().unwrap();
        assert!(
            !has_gpu(&dri.path().join("missing")),
            "no /dev/dri: a VM or container"
        );
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(
            !has_gpu(dri.path()),
            "a display controller without a render node"
        );
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_gpu(dri.path()));
    }
}
