// Opens /dev/null from named Rust functions (a generic method of a type in a module, a closure),
// so that trace -k shows their demangled names.  Built at test time with rustc -C opt-level=0,
// with the legacy and the v0 symbol mangling.
use std::fs::File;

mod repo {
    use std::fs::File;

    pub struct Store<T> {
        pub path: T,
    }

    impl<T: AsRef<std::path::Path>> Store<T> {
        #[inline(never)]
        pub fn load(&self) -> std::io::Result<File> {
            File::open(self.path.as_ref())
        }
    }

    #[inline(never)]
    pub fn open_named(path: &str) -> bool {
        let store = Store { path };
        let load = |s: &Store<&str>| s.load().is_ok();
        load(&store)
    }
}

fn main() {
    let ok = repo::open_named("/dev/null");
    drop(File::open("/dev/zero"));
    std::process::exit(if ok { 0 } else { 1 });
}
