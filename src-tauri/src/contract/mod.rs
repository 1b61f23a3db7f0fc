//! The shell's contract with the UI, read off the Rust declarations: every command's name,
//! arguments and result (`#[command]` in `commands/`, listed once in `commands/mod.rs`), every
//! event's name and payload (`events.rs`), and the constants both sides share. [`typescript`]
//! writes it as `ui/src/lib/backend/bindings/contract.ts`, the map the UI invokes through, so a
//! renamed command or argument is a type error in the UI rather than a failure at run time.

pub mod typescript;

use std::path::{Path, PathBuf};

use ts_rs::{Dependency, ExportError, TS, TypeVisitor};

/// What `#[command]` says about the function it marks (see `crates/ferry-macros/src/command.rs`).
pub trait CommandSpec {
    /// The name the UI invokes.
    const NAME: &'static str;
    /// The arguments the UI sends: camelCased parameter names, injected parameters left out.
    fn args() -> Vec<(&'static str, TsType)>;
    /// What a call resolves to.
    fn result() -> TsType;
}

/// One command, as the TypeScript map lists it.
pub struct Command {
    pub name: &'static str,
    pub args: Vec<(&'static str, TsType)>,
    pub result: TsType,
}

impl Command {
    pub fn of<C: CommandSpec>() -> Self {
        Command {
            name: C::NAME,
            args: C::args(),
            result: C::result(),
        }
    }
}

/// A Rust type as the UI sees it: its TypeScript spelling, the generated files that spelling
/// refers to, and how to write those files.
pub struct TsType {
    pub name: String,
    pub imports: Vec<Dependency>,
    export: fn(&Path) -> Result<(), ExportError>,
}

impl TsType {
    pub fn of<T: TS + ?Sized + 'static>() -> Self {
        let mut imports = Imports(Vec::new());
        imports.visit::<T>();
        T::visit_generics(&mut imports);
        TsType {
            name: T::name(),
            imports: imports.0,
            export: export_with_dependencies::<T>,
        }
    }

    /// What a command with no value resolves to (ts-rs spells `()` as `null`).
    pub fn void() -> Self {
        TsType {
            name: "void".to_owned(),
            imports: Vec::new(),
            export: |_| Ok(()),
        }
    }

    /// Writes the `.ts` file of every type this one names, and of what those contain, to `dir`.
    pub fn export_to(&self, dir: &Path) -> Result<(), ExportError> {
        (self.export)(dir)
    }

    /// The files to import from, relative to the bindings folder (`./Draft`).
    pub fn import_paths(&self) -> impl Iterator<Item = (&str, PathBuf)> {
        self.imports
            .iter()
            .map(|dep| (dep.ts_name.as_str(), dep.output_path.with_extension("")))
    }
}

/// Collects the types a TypeScript spelling names: the type itself (`Draft`) or, for
/// `Array<Draft>`, `Draft | null` …, its parameters.
struct Imports(Vec<Dependency>);

impl TypeVisitor for Imports {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        self.0.extend(Dependency::from_ty::<T>());
    }
}

struct Exports<'a> {
    dir: &'a Path,
    result: Result<(), ExportError>,
}

impl TypeVisitor for Exports<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if self.result.is_ok() && T::output_path().is_some() {
            self.result = T::export_all_to(self.dir);
        }
    }
}

fn export_with_dependencies<T: TS + ?Sized + 'static>(dir: &Path) -> Result<(), ExportError> {
    let mut exports = Exports {
        dir,
        result: Ok(()),
    };
    exports.visit::<T>();
    T::visit_generics(&mut exports);
    exports.result
}
